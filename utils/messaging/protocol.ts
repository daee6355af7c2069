import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * What the background reports about itself. Pages show it, so a service worker that does not
 * answer is a visible state rather than a silently empty view.
 */
export interface BackgroundStatus {
  version: string;
}

/**
 * The one typed protocol between every page and the background, which alone owns the database.
 * Each message names who may send it in its handler (see entrypoints/background).
 */
export interface ProtocolMap {
  getStatus(): BackgroundStatus;
}

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<ProtocolMap>();
