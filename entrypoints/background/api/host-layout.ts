import { sendToHost } from '@/utils/messaging/host-protocol';
import type { Handler } from './serve';

/**
 * Relays a panel's wish for a height to the content script of the tab it is shown in (the
 * policy lets only a page framed in a tab ask). The panel could post to its parent window
 * directly, but Google's page would hear that too.
 */
export const fitHost: Handler<'fitHost'> = async (request, sender) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  await sendToHost('fitHost', request, { tabId, frameId: 0 }).catch(() => undefined);
};
