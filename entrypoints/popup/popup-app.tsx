import { i18n } from '#i18n';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/messaging/protocol';
import { Brand } from '@/components/brand';
import { ErrorLine } from '@/components/error-line';
import { FeedHealthLine } from '@/components/feed-health-line';
import { HealthLine } from '@/components/health-line';
import { SyncStatusLine } from '@/components/sync-status-line';
import { openNotebook } from '@/utils/pages/notebook-link';
import { SearchBox } from '@/components/search-box';
import { StatusLine } from '@/components/status-line';
import { takeEarly } from '@/utils/pages/early-load';
import { markReady } from '@/utils/pages/mark-ready';
import { useLive } from '@/hooks/use-live';
import { AttentionList } from './attention-list';
import { MyActions } from './my-actions';
import { QuickNote } from './quick-note';
import { UpcomingList } from './upcoming-list';
import './popup.css';
import '@/components/pages.css';

/** What the popup shows, in one request (entrypoints/early-start.ts asks before the app runs). */
const loadPopupView = () => sendMessage('getPopupView', undefined);

async function openOptions() {
  await browser.runtime.openOptionsPage();
  window.close();
}

/**
 * The toolbar popup, opened dozens of times a day between meetings: who is next, who needs a
 * 1on1, what did I promise, and a search through everything. One request fills it.
 */
export function PopupApp() {
  const live = useLive('getPopupView', undefined, () => takeEarly('popup', loadPopupView));
  const view = live.state === 'ready' ? live.value : null;
  useEffect(() => {
    // When the popup's data is first on screen (utils/pages/mark-ready.ts).
    if (view) markReady('popup', null, { once: true });
  }, [view]);
  const names = new Map(view?.people.map((p) => [p.id, p.name]));
  return (
    <main className="page popup">
      <Brand title={i18n.t('popup.title')} />
      <HealthLine />
      <FeedHealthLine />
      <SearchBox
        names={names}
        onOpen={(hit) =>
          void openNotebook(
            hit.meetingId ? { meeting: hit.meetingId } : { person: hit.personId },
            true,
          )
        }
      />
      {live.state === 'loading' && <p role="status">{i18n.t('common.loading')}</p>}
      {live.state === 'error' && (
        <p role="alert" className="error">
          {i18n.t('popup.loadFailed', [live.error])}
        </p>
      )}
      {view && (
        <>
          {view.people.length === 0 && <p>{i18n.t('popup.intro')}</p>}
          <UpcomingList view={view} />
          <AttentionList view={view} />
          <MyActions view={view} />
          <QuickNote view={view} />
        </>
      )}
      <SyncStatusLine compact />
      <nav aria-label={i18n.t('popup.linksLabel')}>
        <ul className="popup-links">
          <li>
            <button
              type="button"
              className="link-button"
              onClick={() => void openNotebook({}, true)}
            >
              {i18n.t('common.openHistory')}
            </button>
          </li>
          <li>
            <button
              type="button"
              className="link-button"
              onClick={() => void openNotebook({ practice: true }, true)}
            >
              {i18n.t('common.openPractice')}
            </button>
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => void openOptions()}>
              {i18n.t('common.openOptions')}
            </button>
          </li>
        </ul>
      </nav>
      <p className="muted small">{i18n.t('popup.privacy')}</p>
      <ErrorLine />
      <StatusLine />
    </main>
  );
}
