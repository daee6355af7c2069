import { i18n } from '#i18n';
import type { CallView } from '@/utils/messaging/views';
import { talkVerdict } from '@/utils/domain/talk-target';

/**
 * The user's share of talk time against everyone else's, live, with the target band (the member
 * should do most of the talking). Without speaking indicators it says so instead of guessing.
 */
export function TalkMeter({ talk, target }: { talk: CallView['talk']; target: number }) {
  const verdict = talkVerdict(talk, target);
  const label = i18n.t('talk.heading');
  return (
    <section
      className="talk"
      aria-label={label}
      data-testid="talk-ratio"
      data-self-ms={Math.round(talk.selfMs)}
      data-others-ms={Math.round(talk.othersMs)}
      data-state={verdict.state}
    >
      <h2 className="sr-only">{label}</h2>
      {verdict.state === 'unmeasurable' ? (
        <p className="muted small" data-reason={talk.implausible ? 'implausible' : 'missing'}>
          {talk.implausible ? i18n.t('talk.implausible') : i18n.t('talk.cannotMeasure')}
        </p>
      ) : (
        <>
          {/* The line below says the same in words. */}
          <div className="talk-bar" aria-hidden="true">
            <span className="talk-self" style={{ width: `${verdict.selfPercent ?? 0}%` }} />
            <span
              className="talk-band"
              style={{
                left: `${verdict.band[0]}%`,
                width: `${verdict.band[1] - verdict.band[0]}%`,
              }}
            />
          </div>
          <p className="small">
            {verdict.selfPercent === null
              ? i18n.t('talk.notYet')
              : i18n.t('talk.summary', [
                  String(verdict.selfPercent),
                  String(100 - verdict.selfPercent),
                ])}{' '}
            <span className="muted">{i18n.t('talk.target', [String(target)])}</span>
          </p>
          {verdict.state === 'above' && <p className="small nudge">{i18n.t('talk.above')}</p>}
          {verdict.state === 'below' && <p className="small muted">{i18n.t('talk.below')}</p>}
        </>
      )}
    </section>
  );
}
