import { i18n } from '#i18n';
import type { PopupView } from '@/utils/messaging/views';
import { shortDateTime } from '@/components/locale';
import { openNotebook } from '@/components/notebook-link';

/** The 1on1s of the next seven days, each with the open action items waiting for it. */
export function UpcomingList({ view }: { view: PopupView }) {
  const people = new Map(view.people.map((o) => [o.person.id, o]));
  return (
    <section className="block" aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading">{i18n.t('popup.upcomingHeading')}</h2>
      {view.upcoming.length === 0 && <p className="muted">{i18n.t('popup.upcomingEmpty')}</p>}
      <ul className="rows" data-testid="upcoming">
        {view.upcoming.map((u) => {
          const o = people.get(u.personId);
          if (!o) return null;
          return (
            <li key={u.meetingId} data-testid="upcoming-row">
              <button
                type="button"
                className="row-button"
                onClick={() => void openNotebook({ meeting: u.meetingId }, true)}
              >
                <span className="grow">{o.person.name || o.person.email}</span>
                <span className="muted small">{shortDateTime(u.at)}</span>
                {o.openActions > 0 && (
                  <span className="count" data-testid="open-count">
                    {i18n.t('popup.openCount', [String(o.openActions)])}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
