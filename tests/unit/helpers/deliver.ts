import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProtocolMap } from '@/utils/messaging/protocol';
import { decodeReply, encodeMessage } from '../../support/message.mjs';

/**
 * Delivers a protocol message to the background's handlers as if `sender` sent it. The fake
 * browser's own sendMessage always reports an empty sender, which cannot test sender checks.
 */
export async function deliver<K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
  sender: Browser.runtime.MessageSender,
): Promise<ReturnType<ProtocolMap[K]>> {
  let sendResponse: (reply: unknown) => void = () => {};
  const reply = new Promise<unknown>((resolve) => (sendResponse = resolve));
  await fakeBrowser.runtime.onMessage.trigger(encodeMessage(type, data), sender, sendResponse);
  return decodeReply<ReturnType<ProtocolMap[K]>>(await reply);
}
