import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProtocolMap } from '@/utils/messaging/protocol';

type Reply = { res?: unknown; err?: { message?: string } };

/**
 * Delivers a protocol message to the background's handlers as if `sender` sent it. The fake
 * browser's own sendMessage always reports an empty sender, which cannot test sender checks.
 */
export async function deliver<K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
  sender: Browser.runtime.MessageSender,
): Promise<ReturnType<ProtocolMap[K]>> {
  let sendResponse: (reply: Reply) => void = () => {};
  const reply = new Promise<Reply>((resolve) => (sendResponse = resolve));
  await fakeBrowser.runtime.onMessage.trigger(
    { id: 1, type, data, timestamp: Date.now() },
    sender,
    sendResponse,
  );
  const { res, err } = await reply;
  if (err) throw new Error(err.message);
  return res as ReturnType<ProtocolMap[K]>;
}
