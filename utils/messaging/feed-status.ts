/**
 * What the background tells pages about the calendar feed. Plain types and lists (no zod, no
 * iCalendar parser), so the settings page and the popup can say every state in words.
 */

/** Every way reading the feed can fail, each with its own message in both languages (feed.error.*). */
export const FEED_ERRORS = [
  'bad-url',
  'insecure-url',
  'permission',
  'network',
  'timeout',
  'unauthorized',
  'not-found',
  'server',
  'too-large',
  'not-ics',
  'malformed',
  'not-saved',
] as const;
export type FeedErrorKind = (typeof FEED_ERRORS)[number];

/** Which part of a feed could not be read, for `malformed` (never its content: it is private). */
export const FEED_FLAWS = [
  'structure',
  'truncated',
  'date',
  'rule',
  'timezone',
  'too-many',
] as const;
export type FeedFlaw = (typeof FEED_FLAWS)[number];

export interface FeedFailure {
  kind: FeedErrorKind;
  /** The HTTP status, when there was one. */
  status?: number;
  flaw?: FeedFlaw;
  /** For a flaw in one event: its position in the file (1 = the first VEVENT). */
  eventNumber?: number;
  at: number;
  /** A new address was being tried (the one in use, if any, stayed), or the saved one was read. */
  during: 'connect' | 'refresh';
}

/** What the last successful read found. */
export interface FeedFound {
  /** Events (VEVENTs) in the file. */
  events: number;
  /** Event occurrences in the window Taiwa reads (two weeks back, two months ahead). */
  occurrences: number;
  /** Of those, 1on1s recorded. */
  oneOnOnes: number;
  /** 1on1s in the next seven days. */
  week: number;
}

/** How long the last run's steps took (milliseconds), for the benchmark and the curious. */
export interface FeedTimings {
  fetchMs: number;
  parseMs: number;
  classifyMs: number;
  recordMs: number;
  bytes: number;
}

export interface FeedStatus {
  enabled: boolean;
  /** The saved address, masked: its host and file name only. */
  address: string | null;
  /** The user's own address as given in the settings (the feed's own is `feedSelf`). */
  selfEmail: string | null;
  /** The calendar's own address, when the feed names one (Google: X-WR-CALNAME). */
  feedSelf: string | null;
  running: boolean;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: FeedFailure | null;
  found: FeedFound | null;
  timings: FeedTimings | null;
}

export type FeedConnectResult =
  { ok: true; status: FeedStatus } | { ok: false; error: FeedFailure };
