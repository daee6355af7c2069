import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useRef } from 'react';
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
import { uiLanguage } from '@/utils/pages/ui-language';
import { snapshotOf } from '@/utils/pages/snapshot';
import { POPUP_SNAPSHOT_ID } from '@/utils/messaging/popup-snapshot';
import { useLive } from '@/hooks/use-live';
import { LastView } from './last-view';
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
  const main = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    // Fresh data replaces the last view painted ahead of the app, if it is still there.
    if (view) document.getElementById(POPUP_SNAPSHOT_ID)?.remove();
  }, [view]);
  useEffect(() => {
    if (!view) return;
    // When the popup's data is first on screen (utils/pages/mark-ready.ts).
    markReady('popup', null, { once: true });
    // Kept for the next open, which paints it at once (utils/messaging/popup-snapshot.ts).
    const tree = main.current && snapshotOf(main.current);
    if (tree) {
      sendMessage('savePopupSnapshot', {
        lang: uiLanguage(),
        note: i18n.t('popup.lastView'),
        tree,
      }).catch(() => undefined);
    }
  }, [view]);
  const names = new Map(view?.people.map((p) => [p.id, p.name]));
  return (
    <main className="page popup" ref={main}>
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
      {live.state === 'loading' && <LastView />}
      {live.state === 'error' && (
        <p role="alert" className="error">
          {i18n.t('popup.loadFailed', [live.error])}
        </p>
      )}
      {view && (
        <div data-snapshot="data">
          {view.people.length === 0 && <p>{i18n.t('popup.intro')}</p>}
          <UpcomingList view={view} />
          <AttentionList view={view} />
          <MyActions view={view} />
          <QuickNote view={view} />
        </div>
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
      <div data-snapshot="skip">
        <ErrorLine />
        <StatusLine />
      </div>
    </main>
  );
}
