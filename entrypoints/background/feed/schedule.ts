import { browser } from 'wxt/browser';
import { onSettingsChanged } from '../settings-store';
import { ensureFeedAlarm, FEED_ALARM, refreshFeed, refreshIfKeywordsChanged } from './runner';

/**
 * The calendar feed is read every 15 minutes on an alarm (and when the popup opens over a read
 * older than 5 minutes: api/read.ts); the alarm is made sure of at every start, and new keywords
 * or opt-ins classify the feed again.
 */
export function setupFeedSchedule(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FEED_ALARM) void refreshFeed('alarm');
  });
  // Alarms are kept across restarts, but not always (and never across an uninstall): made sure.
  browser.runtime.onStartup.addListener(() => void ensureFeedAlarm());
  browser.runtime.onInstalled.addListener(() => void ensureFeedAlarm());
  onSettingsChanged(() => void refreshIfKeywordsChanged().catch(() => undefined));
}
