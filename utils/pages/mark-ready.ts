/**
 * The performance marks Taiwa's views set when what they were opened for is on screen. They are
 * local marks, sent nowhere: the benchmarks (bench/*.mjs) wait for them by these names, and for
 * the mark whose `detail` names the thing they opened (an event, a meeting, a person, a query).
 * Renaming one silently stops its benchmark: change bench/ with it.
 */
export const READY_MARKS = {
  /** The prep panel shows the event's person (detail: the event id). */
  prepPanel: 'taiwa:prep-ready',
  /** The notes sidebar shows the call's notes or the question whose they are (the meeting id). */
  notesSidebar: 'taiwa:sidebar-ready',
  /** The popup's last view is painted, before its code has started (no detail). */
  popupSnapshot: 'taiwa:popup-snapshot',
  /** The popup's fresh data is on screen (no detail). */
  popup: 'taiwa:popup-ready',
  /** A person's page shows its head: name, open action items, goals (the person id). */
  personHead: 'taiwa:person-head',
  /** A person's page is on screen: head, charts, first page of the history (the person id). */
  person: 'taiwa:person-ready',
  /** A keystroke's search results are on screen (the query). */
  searchResults: 'taiwa:search-results',
} as const;

export type ReadyView = keyof typeof READY_MARKS;

/**
 * Says that `view` is ready, showing `detail`: replaces the view's previous mark, so a reader
 * finds the time of the latest thing shown. With `once`, only the first time in the page's life
 * counts (the popup: what is timed is its first data on screen, not a later live update).
 */
export function markReady(
  view: ReadyView,
  detail: string | null = null,
  options: { once?: boolean } = {},
): void {
  const name = READY_MARKS[view];
  if (options.once && performance.getEntriesByName(name, 'mark').length) return;
  performance.clearMarks(name);
  performance.mark(name, { detail });
}
