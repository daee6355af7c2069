import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** The content scripts of the Google pages, as `wxt build` names them, and where they run. */
const SCRIPTS: { file: ScriptPublicPath; url: string }[] = [
  { file: '/content-scripts/meet.js', url: 'https://meet.google.com/*' },
  { file: '/content-scripts/calendar.js', url: 'https://calendar.google.com/*' },
];

/**
 * After an update or reload, the browser does not give open tabs the new content scripts: a Meet
 * call in progress would lose its sidebar until the page reloads (and reloading a call means
 * leaving it). So the new version puts them back into the Google tabs already open. The old
 * scripts' hosts removed themselves when their context was invalidated; the notes they showed
 * are in the database and in the drafts journal, so the new sidebar shows everything.
 */
export function setupReinjection(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'update' && reason !== 'install') return;
    void reinject();
  });
}

async function reinject(): Promise<void> {
  for (const { file, url } of SCRIPTS) {
    const tabs = await browser.tabs.query({ url }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      // A tab that cannot be scripted (closing, an error page) keeps what it has.
      await browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: [file] })
        .catch(() => undefined);
    }
  }
}
