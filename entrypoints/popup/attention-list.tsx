import { i18n } from '#i18n';
import type { PopupView } from '@/utils/messaging/views';
import { attentionLabel } from '@/utils/pages/labels';
import { openNotebook } from '@/utils/pages/notebook-link';

/** People who need a 1on1 or a look: overdue, never met, many open items, falling condition. */
export function AttentionList({ view }: { view: PopupView }) {
  const names = new Map(view.people.map((p) => [p.id, p.name]));
  return (
    <section className="block" aria-labelledby="attention-heading">
      <h2 id="attention-heading">{i18n.t('popup.attentionHeading')}</h2>
      {view.attention.length === 0 && <p className="muted">{i18n.t('popup.attentionEmpty')}</p>}
      <ul className="rows" data-testid="attention">
        {view.attention.map((a) => (
          <li key={a.personId} data-testid="attention-row" data-reasons={a.reasons.join(' ')}>
            <button
              type="button"
              className="row-button"
              onClick={() => void openNotebook({ person: a.personId }, true)}
            >
              <span className="grow">{names.get(a.personId)}</span>
              <span className="tags">
                {a.reasons.map((r) => (
                  <span key={r} className="tag" data-reason={r}>
                    {attentionLabel(r)}
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {view.attentionTotal > view.attention.length && (
        <button type="button" className="link-button" onClick={() => void openNotebook({}, true)}>
          {i18n.t('popup.morePeople', [String(view.attentionTotal - view.attention.length)])}
        </button>
      )}
    </section>
  );
}
