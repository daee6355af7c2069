import type { Browser } from 'wxt/browser';

/**
 * Who sent a message, as far as the background trusts it.
 * - `extension-page`: one of Taiwa's own top-level pages (popup, options, history).
 * - `embedded-frame`: the prep panel or notes sidebar, extension pages that live inside Google's
 *   tabs (where a page script, a shared screen or a look-alike may be near): they get only the
 *   messages they use, listed by name in the background.
 * - `calendar-tab` / `meet-tab`: Taiwa's content script in the top frame of a Google page.
 * - `untrusted`: anything else, including another extension.
 */
export type SenderKind =
  'extension-page' | 'embedded-frame' | 'calendar-tab' | 'meet-tab' | 'untrusted';

/** The two pages shown inside Google's tabs (the manifest's web-accessible resources). */
export const EMBEDDED_PAGES = ['/prep-panel.html', '/notes-sidebar.html'];

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
  if (url.origin === new URL(extensionOrigin).origin) {
    // By page, not by frame: the panel opened on its own in a tab is still the panel.
    return EMBEDDED_PAGES.includes(url.pathname) ? 'embedded-frame' : 'extension-page';
  }
  // Content scripts run in the top frame only; a Google page embedded in a frame is not trusted.
  if (sender.frameId !== undefined && sender.frameId !== 0) return 'untrusted';
  return GOOGLE_TABS[url.origin] ?? 'untrusted';
}
