/**
 * Every hook Taiwa reads on Google Calendar, in one place, each with the UI variant it targets.
 * Ids and data-* attributes first; obfuscated classes and English labels are never relied on.
 * Parsers take the Document/Element to read, so they run against fixture HTML in unit tests.
 */

/** Candidates for the open event card, most specific first. */
const EVENT_CARD_SELECTORS = [
  // 2023–26 popover: one reused `[data-chips-dialog]` dialog whose content slot holds #xDetDlg.
  '[role="dialog"][data-chips-dialog] #xDetDlg',
  // Fallback: any dialog holding the details block (older popovers without data-chips-dialog).
  '[role="dialog"] #xDetDlg',
] as const;

/** Whether an element takes up space on screen (hidden leftover dialogs stay in the DOM). */
export type VisibilityCheck = (el: Element) => boolean;

export const isRendered: VisibilityCheck = (el) => el.getClientRects().length > 0;

/**
 * The dialog of the event card the user has open, or null. Keyed by content, never by element
 * identity: Google reuses one dialog for every event it shows.
 */
export function findOpenEventCard(
  doc: Document,
  isVisible: VisibilityCheck = isRendered,
): HTMLElement | null {
  for (const selector of EVENT_CARD_SELECTORS) {
    for (const details of doc.querySelectorAll<HTMLElement>(selector)) {
      const dialog = details.closest<HTMLElement>('[role="dialog"]');
      if (dialog && isVisible(details)) return dialog;
    }
  }
  return null;
}
