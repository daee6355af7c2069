import { browser } from 'wxt/browser';
import { onLocalWrite } from './db/write';
import { PERIODIC_ALARM, RETRY_ALARM, requestSync } from './sync/runner';

/** Seconds after a local write before it is sent: typing a note sends once, not per keystroke. */
export const AFTER_WRITE_MS = 3_000;

/**
 * Sync runs on its alarms and a few seconds after local writes. The timer is only a shortcut:
 * if the service worker stops first, the periodic alarm sends the change a little later.
 */
export function setupSyncSchedule(): () => void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) void requestSync('alarm');
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = onLocalWrite(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void requestSync('write'), AFTER_WRITE_MS);
  });
  // For tests; the service worker keeps it for its life.
  return () => {
    stop();
    clearTimeout(timer);
  };
}
