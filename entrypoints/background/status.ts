import { browser } from 'wxt/browser';
import { handle } from './handle';

/** Answers "are you there?" for every Taiwa page and content script. */
export function setupStatus(): void {
  handle('getStatus', ['extension-page', 'calendar-tab', 'meet-tab'], () => ({
    version: browser.runtime.getManifest().version,
  }));
}
