import { i18n } from '#i18n';
import { useRef } from 'react';
import type { ActionItem } from '@/utils/model/entities';
import { shortDate } from '@/utils/pages/locale';
import { write } from '@/utils/pages/send';
import { useViewCommand } from '@/hooks/use-view-command';
import { ActionRow } from './action-row';
import { AddWithSide } from './add-with-side';
import { useCheckOff } from '@/hooks/use-check-off';

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
  const { items, toggle } = useCheckOff([...props.open, ...(props.here ?? [])]);
  const section = useRef<HTMLElement>(null);
  // The "add an action item" shortcut (Alt+Shift+K by default) lands here.
  // The command can arrive before the folded sidebar has heard it is unfolded (a storage change,
  // on another channel): a hidden input takes no focus, so it is tried again for a few frames.
  useViewCommand('add-action', () => {
    const input = section.current?.querySelector<HTMLInputElement>('[data-testid="action-input"]');
    const tryFocus = (left: number) => {
      input?.scrollIntoView({ block: 'nearest' });
      input?.focus();
      if (input && document.activeElement !== input && left > 0) {
        requestAnimationFrame(() => tryFocus(left - 1));
      }
    };
    tryFocus(60);
  });
  return (
    <section className="block" aria-labelledby="actions-heading" ref={section}>
      <h2 id="actions-heading">{i18n.t('actions.heading')}</h2>
      {items.length === 0 && <p className="muted">{i18n.t('actions.empty')}</p>}
      <ul className="actions" data-testid="open-actions">
        {items.map((item) => (
          <ActionRow
            key={item.id}
            item={item}
            onToggle={(done) => void toggle(item, done)}
            showOwner
          >
            {item.due !== null && (
              <span className="muted">{i18n.t('actions.due', [shortDate(item.due)])}</span>
            )}
          </ActionRow>
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
