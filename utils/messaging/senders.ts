import type { Browser } from 'wxt/browser';

/**
 * Who sent a message, as far as the background trusts it.
 * - `extension-page`: one of Taiwa's own pages (popup, options, history, and the panel and sidebar
 *   iframes, which run at the extension origin even while embedded in Google's pages).
 * - `calendar-tab` / `meet-tab`: Taiwa's content script in the top frame of a Google page.
 * - `untrusted`: anything else, including another extension.
 */
export type SenderKind = 'extension-page' | 'calendar-tab' | 'meet-tab' | 'untrusted';

const GOOGLE_TABS: Record<string, SenderKind> = {
  'https://calendar.google.com': 'calendar-tab',
  'https://meet.google.com': 'meet-tab',
};

/**
 * Classifies a sender from what the browser vouches for (`id`, `url`, `frameId`), never from the
 * message body, so a Google page cannot pass itself off as the options page.
 */
export function classifySender(
  sender: Browser.runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): SenderKind {
  if (sender.id !== extensionId || !sender.url) return 'untrusted';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'untrusted';
  }
  if (url.origin === new URL(extensionOrigin).origin) return 'extension-page';
  // Content scripts run in the top frame only; a Google page embedded in a frame is not trusted.
  if (sender.frameId !== undefined && sender.frameId !== 0) return 'untrusted';
  return GOOGLE_TABS[url.origin] ?? 'untrusted';
}
