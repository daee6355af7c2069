import { i18n } from '#i18n';
import { useState } from 'react';
import type { ActionItem } from '@/utils/model/entities';
import type { PopupView } from '@/utils/messaging/views';
import { sendMessage } from '@/utils/messaging/protocol';
import { shortDate } from '@/utils/pages/locale';
import { ActionRow } from '@/components/meeting/action-row';
import { useCheckOff } from '@/hooks/use-check-off';

/**
 * What the user promised (their own open action items, across people), checked off in place.
 * A checked item stays in sight, struck through, so a slip of the finger can be undone.
 */
export function MyActions({ view }: { view: PopupView }) {
  const names = new Map(view.people.map((p) => [p.id, p.name]));
  // The popup shows the first few; the rest are read when asked for.
  const [all, setAll] = useState<ActionItem[] | null>(null);
  const { items, toggle } = useCheckOff(
    all ? all.filter((a) => names.has(a.personId)) : view.myActions,
  );
  const more = view.myActionsTotal - view.myActions.length;
  const [now] = useState(Date.now);
  return (
    <section className="block" aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading">{i18n.t('popup.myActionsHeading')}</h2>
      {items.length === 0 && <p className="muted">{i18n.t('popup.myActionsEmpty')}</p>}
      <ul className="actions" data-testid="my-actions">
        {items.map((item) => (
          <ActionRow key={item.id} item={item} onToggle={(done) => void toggle(item, done)}>
            <span className="muted small">{names.get(item.personId)}</span>
            {item.due !== null && (
              <span className={item.due < now && !item.done ? 'error small' : 'muted small'}>
                {i18n.t('actions.due', [shortDate(item.due)])}
              </span>
            )}
          </ActionRow>
        ))}
      </ul>
      {more > 0 && !all && (
        <button
          type="button"
          className="link-button"
          onClick={() =>
            void sendMessage('listOpenActions', { owner: 'me' }).then(setAll, () => undefined)
          }
        >
          {i18n.t('popup.moreActions', [String(more)])}
        </button>
      )}
    </section>
  );
}
