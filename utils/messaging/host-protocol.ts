import { defineExtensionMessaging } from '@webext-core/messaging';
import type { HostName } from '@/utils/dom/frame-host';

/**
 * Messages from the background to Taiwa's content script in a Google tab. Only what the content
 * script needs travels this way, never notes: the panel inside the iframe measures itself and
 * the background relays the height, so Google's page never hears from the panel directly.
 */
export interface HostProtocolMap {
  fitHost(data: { host: HostName; height: number; at: number }): void;
  /** The keywords that mark a 1on1 title, sent to the Calendar tabs when the user changes them. */
  titleKeywords(data: string[]): void;
}

export const { sendMessage: sendToHost, onMessage: onHostMessage } =
  defineExtensionMessaging<HostProtocolMap>();
