import { i18n } from '#i18n';
import { useRef, useState } from 'react';
import type { ActionItem } from '@/utils/model/entities';
import { shortDate } from '../locale';
import { write } from '../send';
import { useViewCommand } from '../use-view-command';
import { AddWithSide } from './add-with-side';
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
  const section = useRef<HTMLElement>(null);
  // The "add an action item" shortcut (Alt+Shift+K by default) lands here.
  useViewCommand('add-action', () => {
    const input = section.current?.querySelector<HTMLInputElement>('[data-testid="action-input"]');
    input?.scrollIntoView({ block: 'nearest' });
    input?.focus();
  });
  const toggle = async (item: ActionItem, done: boolean) => {
    const saved = await write('updateAction', { id: item.id, patch: { done } });
    if (saved) setChecked((map) => new Map(map).set(saved.id, saved));
  };
  return (
    <section className="block" aria-labelledby="actions-heading" ref={section}>
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
      <AddWithSide
        testId="action-input"
        placeholder={i18n.t('actions.addPlaceholder')}
        sideLabel={i18n.t('actions.ownerLabel')}
        defaultSide="them"
        dueLabel={i18n.t('actions.dueLabel')}
        onAdd={(text, owner, due) =>
          write('createAction', {
            personId: props.personId,
            meetingId: props.meetingId,
            text,
            owner,
            due,
          })
        }
      />
    </section>
  );
}
