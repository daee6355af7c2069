import { i18n } from '#i18n';
import type { ActionItem, Meeting } from '@/utils/model/entities';
import { shortDate } from '@/components/locale';
import { sideLabel } from '@/components/meeting/labels';
import { write } from '@/components/send';

/** Every action item of the person: the open ones first (due first), then what got done. */
export function PersonActions({
  actions,
  meetings,
}: {
  actions: ActionItem[];
  meetings: Meeting[];
}) {
  const when = new Map(meetings.map((m) => [m.id, m.heldAt ?? m.plannedStart ?? m.createdAt]));
  const open = actions
    .filter((a) => !a.done)
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.createdAt - b.createdAt);
  const done = actions.filter((a) => a.done).sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  const row = (item: ActionItem) => {
    const from = item.meetingId ? when.get(item.meetingId) : undefined;
    return (
      <li key={item.id} data-testid="action-item" data-done={item.done}>
        <label>
          <input
            type="checkbox"
            checked={item.done}
            onChange={(e) =>
              void write('updateAction', { id: item.id, patch: { done: e.target.checked } })
            }
          />
          <span className="owner" data-owner={item.owner}>
            {sideLabel(item.owner)}
          </span>
          <span className="grow">{item.text}</span>
          {item.due !== null && (
            <span className="muted small">{i18n.t('actions.due', [shortDate(item.due)])}</span>
          )}
          {from !== undefined && (
            <span className="muted small">{i18n.t('history.fromMeeting', [shortDate(from)])}</span>
          )}
        </label>
      </li>
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
      {done.length > 0 && (
        <details>
          <summary>{i18n.t('history.doneActions', [String(done.length)])}</summary>
          <ul className="actions" data-testid="done-actions">
            {done.map(row)}
          </ul>
        </details>
      )}
    </section>
  );
}
