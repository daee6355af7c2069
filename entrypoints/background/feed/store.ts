import type { FeedFailure, FeedFound, FeedTimings } from '@/utils/messaging/feed-status';
import type { TaiwaDb } from '../db/database';
import { META_KEYS } from '../db/meta-keys';

/**
 * The calendar feed's small state, in the background's database (`meta`): out of every content
 * script's reach (unlike `storage.local`), never synced, never in a backup. The address is the
 * secret that opens the user's calendar; it is read here and by the fetch, and never logged.
 */
export const FEED_META = {
  config: `${META_KEYS.feedPrefix}config`,
  state: `${META_KEYS.feedPrefix}state`,
  recorded: `${META_KEYS.feedPrefix}recorded`,
} as const;

export interface FeedConfig {
  url: string;
  /** The user's own address, when they gave it (else the feed's, else the organizer's). */
  selfEmail: string | null;
  connectedAt: number;
}

export interface FeedState {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: FeedFailure | null;
  found: FeedFound | null;
  timings: FeedTimings | null;
  /** The calendar's owner, as the last read feed named it (or as its guests showed). */
  feedSelf: string | null;
  /** The keywords the last read classified with: new ones are a reason to read again. */
  keywords: string | null;
}

/** A 1on1 the feed recorded (or joined), by the instance's event id: its meeting and start. */
export interface RecordedEntry {
  meetingId: string;
  start: number;
  /** Marked cancelled by the feed (it had notes): planned again if the event comes back. */
  cancelled?: true;
}

export const EMPTY_STATE: FeedState = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  found: null,
  timings: null,
  feedSelf: null,
  keywords: null,
};

export async function readFeedConfig(db: TaiwaDb): Promise<FeedConfig | null> {
  const value = (await db.meta.get(FEED_META.config))?.value as FeedConfig | undefined;
  return value && typeof value.url === 'string' ? value : null;
}

export async function readFeedState(db: TaiwaDb): Promise<FeedState> {
  const value = (await db.meta.get(FEED_META.state))?.value as Partial<FeedState> | undefined;
  return { ...EMPTY_STATE, ...value };
}

export async function updateFeedState(db: TaiwaDb, patch: Partial<FeedState>): Promise<FeedState> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await readFeedState(db)), ...patch };
    await db.meta.put({ key: FEED_META.state, value: next });
    return next;
  });
}

export async function readRecorded(db: TaiwaDb): Promise<Record<string, RecordedEntry>> {
  return ((await db.meta.get(FEED_META.recorded))?.value as Record<string, RecordedEntry>) ?? {};
}
