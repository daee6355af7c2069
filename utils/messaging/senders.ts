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

/**
 * Who may send one message (or open one port): the kinds of sender, and for the admin messages
 * which of Taiwa's pages. The background's policy table (entrypoints/background/api/policy.ts)
 * gives one to every message, so who may do what is read in one place.
 */
export interface SenderRule {
  kinds: readonly SenderKind[];
  /** Only these of Taiwa's top-level pages, by path (an `extension-page` sender elsewhere is refused). */
  pages?: readonly string[];
  /** Only a page shown inside a tab's frame (the panel or sidebar in Google's page), not opened on its own. */
  framed?: boolean;
}

/**
 * Why `sender` may not send under `rule`, in words, or null when it may. Pure, so the policy is
 * tested without a browser.
 */
export function refusal(
  sender: Browser.runtime.MessageSender,
  rule: SenderRule,
  extensionId: string,
  extensionOrigin: string,
): string | null {
  const kind = classifySender(sender, extensionId, extensionOrigin);
  if (!rule.kinds.includes(kind))
    return `Refused: this message is not accepted from ${kind} senders.`;
  const path = sender.url ? new URL(sender.url).pathname : '';
  if (rule.pages && kind === 'extension-page' && !rule.pages.includes(path)) {
    return `Refused: this message is not accepted from ${path || 'this page'}.`;
  }
  if (rule.framed && (sender.tab?.id === undefined || !sender.frameId)) {
    return 'Refused: this message is accepted only from a frame inside a tab.';
  }
  return null;
}
