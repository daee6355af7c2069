import type { SenderRule } from '@/utils/messaging/senders';

/*
 * The sender rules the policy table (policy.ts) gives its messages, by name. A frame inside
 * Google's tab (where a page script, a shared screen or a look-alike may be near) gets only the
 * messages it uses; the admin messages (delete all, settings, backups, exports, sync) come from
 * Taiwa's own top-level pages, and sync setup from the options page alone.
 */

/** Taiwa's own top-level pages: popup, options, notebook. */
export const PAGES: SenderRule = { kinds: ['extension-page'] };
/** Taiwa's pages and the panel and sidebar frames shown in Google's tabs. */
export const VIEWS: SenderRule = { kinds: ['extension-page', 'embedded-frame'] };
/** Only the panel or sidebar as shown inside a tab (it has a host to fit). */
export const FRAMED_VIEWS: SenderRule = { kinds: ['embedded-frame'], framed: true };
export const CALENDAR_TAB: SenderRule = { kinds: ['calendar-tab'] };
export const MEET_TAB: SenderRule = { kinds: ['meet-tab'] };
export const GOOGLE_TABS: SenderRule = { kinds: ['calendar-tab', 'meet-tab'] };
/** "Are you there?": every page and content script that has to show a dead background. */
export const PAGES_AND_TABS: SenderRule = { kinds: ['extension-page', 'calendar-tab', 'meet-tab'] };
/** Sync status and "Sync now" appear in the popup, the options page and the notebook. */
export const SYNC_STATUS_PAGES: SenderRule = {
  kinds: ['extension-page'],
  pages: ['/options.html', '/popup.html', '/notebook.html'],
};
/** The popup alone: its last view (which only it renders). */
export const POPUP_PAGE: SenderRule = { kinds: ['extension-page'], pages: ['/popup.html'] };
/** Settings that name a server or a secret address: the options page only. */
export const OPTIONS_PAGE: SenderRule = { kinds: ['extension-page'], pages: ['/options.html'] };
/** Sync setup, "forget", and deleting the server's copy. */
export const SYNC_SETUP_PAGE = OPTIONS_PAGE;
