import { i18n } from '#i18n';
import { useState } from 'react';
import { SIDES, type ActionItem, type Side } from '@/utils/model/entities';
import { shortDate } from '../locale';
import { write } from '../send';
import { sideLabel } from './labels';

/**
 * Action items (宿題) still open for this person, from every earlier meeting and both owners,
 * checked off right here; and new ones, added to this meeting.
 */
export function OpenActions(props: {
  personId: string;
  meetingId: string | null;
  open: ActionItem[];
  /** Items created in this meeting (shown too: they are what was just agreed). */
  here?: ActionItem[];
}) {
  // Items checked off in this view stay in sight (struck through) until the view closes, so a
  // mis-click can be undone where it happened.
  const [checked, setChecked] = useState<Map<string, ActionItem>>(new Map());
  const listed = new Set([...props.open, ...(props.here ?? [])].map((a) => a.id));
  const items = [
    ...props.open,
    ...(props.here ?? []),
    ...[...checked.values()].filter((a) => !listed.has(a.id)),
  ];
  const toggle = async (item: ActionItem, done: boolean) => {
    const saved = await write('updateAction', { id: item.id, patch: { done } });
    if (saved) setChecked((map) => new Map(map).set(saved.id, saved));
  };
  return (
    <section className="block" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{i18n.t('actions.heading')}</h2>
      {items.length === 0 && <p className="muted">{i18n.t('actions.empty')}</p>}
      <ul className="actions" data-testid="open-actions">
        {items.map((item) => (
          <li key={item.id} data-testid="action-item" data-done={item.done}>
            <label>
              <input
                type="checkbox"
                checked={item.done}
                onChange={(e) => void toggle(item, e.target.checked)}
              />
              <span className="owner" data-owner={item.owner}>
                {sideLabel(item.owner)}
              </span>
              <span className="grow">{item.text}</span>
              {item.due !== null && (
                <span className="muted">{i18n.t('actions.due', [shortDate(item.due)])}</span>
              )}
            </label>
          </li>
        ))}
      </ul>
      <AddAction personId={props.personId} meetingId={props.meetingId} />
    </section>
  );
}

function AddAction({ personId, meetingId }: { personId: string; meetingId: string | null }) {
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<Side>('them');
  return (
    <form
      className="add-row"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = text.trim();
        if (!trimmed) return;
        setText('');
        void write('createAction', { personId, meetingId, text: trimmed, owner });
      }}
    >
      <input
        className="grow"
        data-testid="action-input"
        value={text}
        maxLength={4000}
        placeholder={i18n.t('actions.addPlaceholder')}
        aria-label={i18n.t('actions.addPlaceholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <select
        aria-label={i18n.t('actions.ownerLabel')}
        value={owner}
        onChange={(e) => setOwner(e.target.value as Side)}
      >
        {SIDES.map((side) => (
          <option key={side} value={side}>
            {sideLabel(side)}
          </option>
        ))}
      </select>
      <button type="submit">{i18n.t('common.add')}</button>
    </form>
  );
}
