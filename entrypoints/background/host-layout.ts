import { sendToHost } from '@/utils/messaging/host-protocol';
import { handle } from './handle';

/**
 * Relays a panel's wish for a height to the content script of the tab it is shown in. The
 * panel could post to its parent window directly, but Google's page would hear that too.
 */
export function setupHostLayout(): void {
  handle('fitHost', ['embedded-frame'], async (request, sender) => {
    const tabId = sender.tab?.id;
    // Only a page shown inside a tab's frame has a host to fit (not the popup or options).
    if (tabId === undefined || !sender.frameId) return;
    await sendToHost('fitHost', request, { tabId, frameId: 0 }).catch(() => undefined);
  });
}
