import { i18n } from '#i18n';
import { useState, type ReactNode } from 'react';
import type { ActionItem, Meeting } from '@/utils/model/entities';
import { shortDate } from '@/utils/pages/locale';
import { ActionRow } from '@/components/meeting/action-row';
import { write } from '@/utils/pages/send';
import { useLive } from '@/hooks/use-live';

/**
 * The person's action items: the open ones (due first), and what got done, read when the user
 * opens it (five years of done items are many, and rarely looked at).
 */
export function PersonActions(props: {
  personId: string;
  actions: ActionItem[];
  meetings: Meeting[];
}) {
  const when = new Map(
    props.meetings.map((m) => [m.id, m.heldAt ?? m.plannedStart ?? m.createdAt]),
  );
  const [showDone, setShowDone] = useState(false);
  const open = props.actions
    .filter((a) => !a.done)
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.createdAt - b.createdAt);
  const row = (item: ActionItem) => {
    const from = item.meetingId ? when.get(item.meetingId) : undefined;
    return (
      <ActionRow
        key={item.id}
        item={item}
        showOwner
        onToggle={(done) => void write('updateAction', { id: item.id, patch: { done } })}
      >
        {item.due !== null && (
          <span className="muted small">{i18n.t('actions.due', [shortDate(item.due)])}</span>
        )}
        {from !== undefined && (
          <span className="muted small">{i18n.t('history.fromMeeting', [shortDate(from)])}</span>
        )}
      </ActionRow>
    );
  };
  return (
    <section className="block" aria-labelledby="person-actions-heading">
      <h2 id="person-actions-heading">{i18n.t('history.actionsHeading')}</h2>
      <h3>{i18n.t('history.openActions', [String(open.length)])}</h3>
      {open.length === 0 && <p className="muted">{i18n.t('actions.empty')}</p>}
      <ul className="actions" data-testid="open-actions">
        {open.map(row)}
      </ul>
      <details onToggle={(e) => setShowDone(e.currentTarget.open)}>
        <summary data-testid="show-done">{i18n.t('history.doneActions')}</summary>
        {showDone && <DoneActions personId={props.personId} row={row} />}
      </details>
    </section>
  );
}

function DoneActions(props: { personId: string; row: (item: ActionItem) => ReactNode }) {
  const live = useLive('listDoneActions', { personId: props.personId });
  if (live.state === 'loading') return <p role="status">{i18n.t('common.loading')}</p>;
  if (live.state === 'error')
    return (
      <p role="alert" className="error">
        {live.error}
      </p>
    );
  if (!live.value.length) return <p className="muted">{i18n.t('history.noneDone')}</p>;
  return (
    <ul className="actions" data-testid="done-actions">
      {live.value.map(props.row)}
    </ul>
  );
}
