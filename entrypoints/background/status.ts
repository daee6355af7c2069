import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messaging/protocol';
import { assertSender } from './sender-guard';

/** Answers "are you there?" for every Taiwa page and content script. */
export function setupStatus(): void {
  onMessage('getStatus', ({ sender }) => {
    assertSender(sender, ['extension-page', 'calendar-tab', 'meet-tab']);
    return { version: browser.runtime.getManifest().version };
  });
}
