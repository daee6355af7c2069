/**
 * Every hook Taiwa reads on Google Calendar, in one module, each with the UI variant it targets
 * (docs/google-pages.md holds the evidence for each). Ids, data-* attributes and hrefs come first; obfuscated class
 * names and English labels are never the only path, because Google renames them in staged
 * rollouts and many users see the Japanese UI. Lists are tried in order: first match wins.
 */
export const CALENDAR = {
  /** The open event card's details block, most specific first. */
  cardDetails: [
    // 2023–26 popover: one reused [data-chips-dialog] dialog; its [jsslot] content holds #xDetDlg.
    '[role="dialog"][data-chips-dialog] #xDetDlg',
    // Older popovers (before data-chips-dialog): any dialog holding the details block.
    '[role="dialog"] #xDetDlg',
  ],
  /** Any event-card dialog, with or without a details block (tasks have none). */
  cardDialog: '[role="dialog"][data-chips-dialog]',
  /** What may be or become an event card (a dialog in every variant seen, or its details). */
  dialogLike: '[role="dialog"], #xDetDlg',
  /** Where the details block sits inside the card dialog; Google re-renders what is inside it. */
  cardDetailsBlock: '#xDetDlg',
  title: [
    // 2020–26 popover title, inside #xDetDlgWhen (captured July 2026); the dialog's
    // aria-labelledby points at it (docs/google-pages.md § popover).
    '#rAECCd',
    // Fallback when the id changes: the card's own heading.
    '[role="heading"]',
  ],
  /**
   * The title and the date/time line together (captured July 2026): the part that is not the
   * title is the time, with a second line for recurrence (docs/google-pages.md § popover).
   */
  when: ['#xDetDlgWhen'],
  /** The conference row; its data-details repeats title, date and time, and the Meet link (2024–26). */
  conference: '#xDetDlgVideo[data-details]',
  meetLink: [
    // Conference row of 2021–26 cards.
    '#xDetDlgVideo a[href^="https://meet.google.com/"]',
    // Any Meet link in the card (older cards; a link pasted into the description).
    'a[href^="https://meet.google.com/"]',
  ],
  /** The guests summary: only "4 guests / 1 yes / 3 awaiting" in the 2026 popover (captured July 2026). */
  guestSummary: '#xDetDlgAtt',
  /** Guest rows anywhere in the card, most specific first (docs/google-pages.md § guests). */
  guestRows: [
    // 2025–26 popover: rows of div[role=tree][aria-label=Guests], a sibling of #xDetDlgAtt.
    '[role="tree"] [role="treeitem"]',
    // Rows that carry an address, wherever they sit (older popovers kept them in #xDetDlgAtt).
    '[data-email]',
    // The oldest rows: a hovercard id alone, inside the guests block (never the organizer line
    // #xDetDlgCal, which carries one too).
    '#xDetDlgAtt [data-hovercard-id]',
  ],
  /** The organizer's row in the 2025–26 guest tree (captured July 2026). */
  organizerRow: '#xDtlDlgOrg',
  /** Group guests can be expanded to their members (all UI variants seen render a toggle). */
  groupToggle: '[aria-expanded]',
  /** Grid chips. */
  chips: [
    // Timed events in the day, week and custom-day grids (2022–26).
    '[data-eventchip][data-eventid]',
    // All-day and month-view chips, stacked in a container (2023–26).
    '[data-stacked-layout-chip][data-eventid]',
    // Stacked chips whose id sits on an inner element (some 2024 month views).
    '[data-stacked-layout-chip] [data-eventid]',
  ],
  /** The chip's visual part; the rest is hidden text for screen readers. */
  chipVisual: '[aria-hidden="true"]',
  /** Grid day cells carry the date unambiguously as a packed integer. */
  dateCell: '[data-datekey]',
  /** `body[data-viewfamily]`: EVENT for grids and popovers, EVENT_EDIT for the edit page. */
  viewFamily: 'body[data-viewfamily]',
  edit: {
    /** The edit page is ready once its notification list exists. */
    ready: '#xNtList',
    title: '#xTiIn',
    organizer: '#xOrgEmail',
    conference: '#xRTCIn',
    /** Guest rows of the edit page; rooms are rows whose data-id is a resource calendar. */
    guestRow: '[data-id][data-email]',
  },
} as const;

/** The first element matching any of `selectors`, tried in order. */
export function queryFirst<E extends Element = HTMLElement>(
  root: ParentNode,
  selectors: readonly string[],
): E | null {
  for (const selector of selectors) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** Text with runs of whitespace collapsed, as a user reads it. */
export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
