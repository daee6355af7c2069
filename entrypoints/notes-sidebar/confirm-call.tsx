import { i18n } from '#i18n';
import type { CallView } from '@/utils/messaging/views';
import { act } from '@/utils/pages/send';

type Answer = 'yes' | 'no' | 'not-1on1' | 'is-1on1';
const answer = (value: Answer, then: () => void) =>
  void act('answerCall', { answer: value }).then((ok) => ok && then());

/**
 * "Is this your 1on1 with Aiko?": asked when the one other participant's name matches one known
 * person, since a name alone can be wrong (a team call with a guest named like a report). Until
 * the user says yes, nothing of that person is shown and nothing is recorded.
 */
export function ConfirmCall({
  suggestion,
  onAnswered,
}: {
  suggestion: NonNullable<CallView['suggestion']>;
  onAnswered: () => void;
}) {
  return (
    <section className="block" aria-labelledby="confirm-heading" data-testid="confirm-call">
      <h2 id="confirm-heading">{i18n.t('call.confirmHeading', [suggestion.name])}</h2>
      <p className="muted small">{i18n.t('call.confirmHint')}</p>
      <div className="panel-actions">
        <button type="button" data-testid="confirm-yes" onClick={() => answer('yes', onAnswered)}>
          {i18n.t('call.yes')}
        </button>
        <button type="button" data-testid="confirm-no" onClick={() => answer('no', onAnswered)}>
          {i18n.t('call.no')}
        </button>
        <NotOneOnOneButton onAnswered={onAnswered} />
      </div>
    </section>
  );
}

/** "Not a 1on1": this call's link is never asked about again, and nothing is recorded for it. */
export function NotOneOnOneButton({ onAnswered }: { onAnswered: () => void }) {
  return (
    <button
      type="button"
      data-testid="confirm-not-1on1"
      onClick={() => answer('not-1on1', onAnswered)}
    >
      {i18n.t('call.notOneOnOne')}
    </button>
  );
}

/** A call the user said is not a 1on1: said so, with the way back. */
export function NotOneOnOne({ onAnswered }: { onAnswered: () => void }) {
  return (
    <section className="block" data-testid="not-1on1-call">
      <p className="muted small">{i18n.t('call.notOneOnOneState')}</p>
      <button type="button" onClick={() => answer('is-1on1', onAnswered)}>
        {i18n.t('call.isOneOnOne')}
      </button>
    </section>
  );
}
