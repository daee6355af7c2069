import { i18n } from '#i18n';
import type { PopupView } from '@/utils/messaging/views';
import { shortDateTime } from '@/utils/pages/locale';
import { openNotebook } from '@/utils/pages/notebook-link';

/** The 1on1s of the next seven days, each with the open action items waiting for it. */
export function UpcomingList({ view }: { view: PopupView }) {
  const people = new Map(view.people.map((p) => [p.id, p]));
  return (
    <section className="block" aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading">{i18n.t('popup.upcomingHeading')}</h2>
      {view.upcoming.length === 0 && <p className="muted">{i18n.t('popup.upcomingEmpty')}</p>}
      <ul className="rows" data-testid="upcoming">
        {view.upcoming.map((u) => {
          const person = people.get(u.personId);
          if (!person) return null;
          return (
            <li key={u.meetingId} data-testid="upcoming-row">
              <button
                type="button"
                className="row-button"
                onClick={() => void openNotebook({ meeting: u.meetingId }, true)}
              >
                <span className="grow">{person.name}</span>
                <span className="muted small">{shortDateTime(u.at)}</span>
                {person.openActions > 0 && (
                  <span className="count" data-testid="open-count">
                    {i18n.t('popup.openCount', [String(person.openActions)])}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {view.upcomingTotal > view.upcoming.length && (
        <button type="button" className="link-button" onClick={() => void openNotebook({}, true)}>
          {i18n.t('popup.moreUpcoming', [String(view.upcomingTotal - view.upcoming.length)])}
        </button>
      )}
    </section>
  );
}
