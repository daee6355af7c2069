/**
 * Keys of the small things kept in the database's `meta` table beside the records: out of every
 * content script's reach (unlike `storage.local`), and not synced.
 */
export const META_KEYS = {
  /** The user's settings (settings-store.ts). */
  settings: 'settings',
  /** Note text journaled until its save is confirmed, per meeting and kind (note-drafts.ts). */
  draftPrefix: 'draft:',
  /** Meet codes the user said are not 1on1s (db/meet-calls.ts). */
  callVerdictPrefix: 'callVerdict:',
  /**
   * The calendar feed (feed/store.ts): its secret address and the user's own address
   * (`feed:config`), how the last reads went (`feed:state`), and which 1on1s it recorded
   * (`feed:recorded`). The address opens the user's calendar: it lives here only.
   */
  feedPrefix: 'feed:',
  /** Reminders already shown, by meeting and kind, so none is shown twice (reminders.ts). */
  remindersPrefix: 'reminders:',
  /** Set while records may be stored that the search structure does not hold yet (search-index.ts). */
  searchStale: 'search.stale',
  /** People whose figures a bulk write (import, pull) has not redone yet (db/write.ts). */
  statsStale: 'stats.stale',
} as const;
