import { i18n } from '#i18n';
import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { Brand } from '@/components/brand';
import { ErrorLine } from '@/components/error-line';
import { MeetingNotes } from '@/components/meeting/meeting-notes';
import { notebookHash, type NotebookPlace } from '@/utils/pages/notebook-link';
import { StatusLine } from '@/components/status-line';
import { observeMutations } from '@/utils/dom/observe-mutations';
import { PeopleList } from './people-list';
import { PersonPage } from './person-page';
import { PracticeDashboard } from './practice-dashboard';
import { usePlace } from '@/hooks/use-place';
import '@/components/pages.css';

/** The place's heading gets the focus after a move, so a screen reader says where it is. */
function useFocusOnMove(place: NotebookPlace) {
  const main = useRef<HTMLElement>(null);
  const key = notebookHash(place);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The place may still be loading: its heading is focused as soon as it is there.
    const root = main.current;
    if (!root) return;
    const controller = new AbortController();
    const focus = () => {
      const heading = root.querySelector<HTMLElement>('h2');
      if (!heading) return;
      heading.focus();
      controller.abort();
    };
    focus();
    observeMutations(root, focus, controller.signal, undefined, 'sync');
    const stop = setTimeout(() => controller.abort(), 5_000);
    return () => {
      controller.abort();
      clearTimeout(stop);
    };
  }, [key]);
  return main;
}

/**
 * The full-page history: people, each person's whole story, a meeting's notes, and the user's
 * own 1on1 practice. The fragment says which (`#person=`, `#meeting=`, `#practice`).
 */
export function NotebookApp() {
  const place = usePlace();
  const main = useFocusOnMove(place);
  const current = (p: NotebookPlace) =>
    notebookHash(p) === notebookHash(place) ? ('page' as const) : undefined;
  return (
    <div className="notebook">
      <header className="notebook-header">
        <Brand title={i18n.t('history.title')} />
        <nav aria-label={i18n.t('history.navLabel')}>
          <ul className="tabs">
            <li>
              <a href="#" aria-current={current({})}>
                {i18n.t('history.peopleHeading')}
              </a>
            </li>
            <li>
              <a href="#practice" aria-current={current({ practice: true })}>
                {i18n.t('practice.heading')}
              </a>
            </li>
            <li>
              <button
                type="button"
                className="link-button"
                onClick={() => void browser.runtime.openOptionsPage()}
              >
                {i18n.t('common.openOptions')}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main className="page" ref={main}>
        {'meeting' in place && <MeetingNotes meetingId={place.meeting} linkPerson />}
        {'person' in place && <PersonPage personId={place.person} />}
        {'practice' in place && <PracticeDashboard />}
        {Object.keys(place).length === 0 && <PeopleList />}
        <ErrorLine />
        <StatusLine />
      </main>
    </div>
  );
}
