import { browser } from 'wxt/browser';
import { assertSetupPage } from './api-sync';
import { FROM_PAGES, handle } from './handle';
import { onSettingsChanged } from './settings-store';
import {
  connectFeed,
  disconnectFeed,
  ensureFeedAlarm,
  FEED_ALARM,
  feedStatus,
  refreshFeed,
  refreshIfKeywordsChanged,
  setFeedSelf,
} from './feed/runner';

/**
 * The optional calendar feed: the week known without Calendar open. Set up and turned off from
 * the options page only (the address is a secret); its status is read by Taiwa's pages. It is
 * read every 15 minutes on an alarm, and when the popup opens over a read older than 5 minutes.
 */
export function setupFeedApi(): void {
  handle('getFeedStatus', FROM_PAGES, () => feedStatus());
  handle('feedConnect', FROM_PAGES, ({ url, selfEmail }, sender) => {
    assertSetupPage(sender);
    return connectFeed(url, selfEmail);
  });
  handle('feedSetSelf', FROM_PAGES, ({ selfEmail }, sender) => {
    assertSetupPage(sender);
    return setFeedSelf(selfEmail);
  });
  handle('feedRefresh', FROM_PAGES, () => refreshFeed('now'));
  handle('feedDisconnect', FROM_PAGES, (_, sender) => {
    assertSetupPage(sender);
    return disconnectFeed();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void refreshFeed('alarm');
  });
  // Alarms are kept across restarts, but not always (and never across an uninstall): made sure.
  browser.runtime.onStartup.addListener(() => void ensureFeedAlarm());
  browser.runtime.onInstalled.addListener(() => void ensureFeedAlarm());
  // New keywords or opt-ins change verdicts: the feed is classified again.
  onSettingsChanged(() => void refreshIfKeywordsChanged().catch(() => undefined));
}
