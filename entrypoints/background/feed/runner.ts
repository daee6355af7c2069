import { browser } from 'wxt/browser';
import { activeKeywords } from '@/utils/domain/classify';
import { FeedParseError, likelyOwner, parseFeed, type ParseWindow } from '@/utils/feed/ics';
import { maskFeedUrl, parseFeedUrl } from '@/utils/feed/url';
import type { FeedConnectResult, FeedFailure, FeedStatus } from '@/utils/messaging/feed-status';
import { notifyChanged } from '../changes';
import { getDb } from '../db/database';
import { readSettings } from '../settings-store';
import { hasHostAccess } from '../sync/net-errors';
import { FeedFetchError, fetchFeedText, type FetchOptions } from './fetch';
import { classifyFeed, readOverrides, recordFeedOneOnOnes } from './record';
import {
  FEED_META,
  readFeedConfig,
  readFeedState,
  updateFeedState,
  type FeedConfig,
} from './store';

export const FEED_ALARM = 'taiwa-feed';
/** Minutes between reads while the feed is on. */
export const FEED_PERIOD_MINUTES = 15;
/** The popup reads the feed again when the last read is older than this. */
export const FEED_STALE_MS = 5 * 60_000;
/** The window of the calendar Taiwa reads: two weeks back (wrap-ups, the practice), two months ahead. */
export const FEED_PAST_MS = 14 * 86_400_000;
export const FEED_AHEAD_MS = 60 * 86_400_000;
const WEEK = 7 * 86_400_000;

export type FeedRunReason = 'alarm' | 'popup' | 'now' | 'settings';

let current: Promise<unknown> | null = null;
/** The run changed the feed's state: open views are told once it is over. */
let touched = false;
let testOptions: FetchOptions = {};
const afterRunListeners = new Set<() => void>();

/** Tests shorten the timeout and the size cap. */
export function setFeedOptionsForTests(options: FetchOptions): void {
  testOptions = options;
}

/** Calls `fn` after each read that recorded something (reminders follow the new times). */
export function onFeedRecorded(fn: () => void): void {
  afterRunListeners.add(fn);
}

export const feedWindow = (now: number): ParseWindow => ({
  from: now - FEED_PAST_MS,
  to: now + FEED_AHEAD_MS,
});

/** One read at a time: a read asked for while one runs waits for it, then runs. */
function exclusive<T>(run: () => Promise<T>): Promise<T> {
  const previous = current ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  current = next;
  void next
    .finally(() => {
      if (current !== next) return;
      current = null;
      // After `current` is cleared, so the views that reload read "not running". A run that
      // found nothing to do (no feed, a recent read) tells no one anything.
      if (touched) notifyChanged(['feed']);
      touched = false;
    })
    .catch(() => undefined);
  return next;
}

/** Resolves when no read is in progress (tests wait for it). */
export async function whenFeedIdle(): Promise<void> {
  while (current) await current.catch(() => undefined);
}

export async function feedStatus(): Promise<FeedStatus> {
  const db = getDb();
  const [config, state] = await Promise.all([readFeedConfig(db), readFeedState(db)]);
  return {
    enabled: config !== null,
    address: config ? maskFeedUrl(config.url) : null,
    selfEmail: config?.selfEmail ?? null,
    feedSelf: state.feedSelf,
    running: current !== null,
    lastAttemptAt: state.lastAttemptAt,
    lastSuccessAt: state.lastSuccessAt,
    lastError: state.lastError,
    found: state.found,
    timings: state.timings,
  };
}

/**
 * Reads the saved feed and records its 1on1s. A read that fails in any way records nothing and
 * keeps everything known; the failure is the status, in words, until a read succeeds.
 */
export function refreshFeed(reason: FeedRunReason): Promise<FeedStatus> {
  return exclusive(async () => {
    const db = getDb();
    const config = await readFeedConfig(db);
    // Forgotten meanwhile ("Delete all data"): its alarm goes too.
    if (!config) {
      if (reason === 'alarm') await browser.alarms.clear(FEED_ALARM);
      return;
    }
    if (reason === 'popup') {
      const state = await readFeedState(db);
      if ((state.lastAttemptAt ?? 0) > Date.now() - FEED_STALE_MS) return;
    }
    await read(config, 'refresh');
  }).then(feedStatus);
}

/** Reads again when the keywords changed since the last read (new verdicts). */
export async function refreshIfKeywordsChanged(): Promise<void> {
  const db = getDb();
  const [config, state, settings] = await Promise.all([
    readFeedConfig(db),
    readFeedState(db),
    readSettings(),
  ]);
  if (config && state.keywords !== keywordSignature(settings)) await refreshFeed('settings');
}

/**
 * Connects a feed: the address is read and checked first, and saved only together with what it
 * brought. A feed that fails leaves the one in use (if any) and everything known as it was.
 */
export function connectFeed(text: string, selfEmail: string | null): Promise<FeedConnectResult> {
  return exclusive(async (): Promise<FeedFailure | null> => {
    const url = parseFeedUrl(text);
    if (typeof url === 'string') {
      const error: FeedFailure = { kind: url, at: Date.now(), during: 'connect' };
      touched = true;
      await updateFeedState(getDb(), { lastError: error });
      return error;
    }
    const config: FeedConfig = { url: url.href, selfEmail, connectedAt: Date.now() };
    return read(config, 'connect');
  }).then(async (error) =>
    error ? { ok: false as const, error } : { ok: true as const, status: await feedStatus() },
  );
}

/** Changes the user's own address and classifies again with it. */
export function setFeedSelf(selfEmail: string | null): Promise<FeedStatus> {
  return exclusive(async () => {
    const db = getDb();
    const config = await readFeedConfig(db);
    if (!config) return;
    const next = { ...config, selfEmail };
    await db.meta.put({ key: FEED_META.config, value: next });
    await read(next, 'refresh');
  }).then(feedStatus);
}

/**
 * Turns the feed off: the address, its state and what it tracked are forgotten; the 1on1s it
 * recorded stay (they are the user's meetings now), and so does the host access, which the user
 * may use elsewhere (the browser's extension settings take it back).
 */
export function disconnectFeed(): Promise<FeedStatus> {
  return exclusive(async () => {
    const db = getDb();
    touched = true;
    await db.meta.bulkDelete([FEED_META.config, FEED_META.state, FEED_META.recorded]);
    await browser.alarms.clear(FEED_ALARM);
  }).then(feedStatus);
}

/** The periodic read exists exactly while a feed is set (after an update, at browser start). */
export async function ensureFeedAlarm(): Promise<void> {
  const config = await readFeedConfig(getDb());
  const alarm = await browser.alarms.get(FEED_ALARM);
  if (!config) {
    if (alarm) await browser.alarms.clear(FEED_ALARM);
    return;
  }
  if (!alarm || alarm.periodInMinutes !== FEED_PERIOD_MINUTES) {
    await browser.alarms.create(FEED_ALARM, {
      periodInMinutes: FEED_PERIOD_MINUTES,
      delayInMinutes: FEED_PERIOD_MINUTES,
    });
  }
}

const keywordSignature = (settings: Awaited<ReturnType<typeof readSettings>>) =>
  JSON.stringify(activeKeywords(settings));

/**
 * Fetches, parses, classifies and records, in that order, each step whole before the next: the
 * database is written once, in one transaction, and only from a feed read whole. On a connect,
 * the new address is saved in that same transaction. Answers the failure, if any.
 */
async function read(
  config: FeedConfig,
  during: FeedFailure['during'],
): Promise<FeedFailure | null> {
  const db = getDb();
  const startedAt = Date.now();
  touched = true;
  await updateFeedState(db, { lastAttemptAt: startedAt });
  notifyChanged(['feed']);
  const settings = await readSettings();
  const window = feedWindow(startedAt);
  const t0 = performance.now();
  try {
    const origin = new URL(config.url).origin;
    const { text, bytes } = await fetchFeedText(config.url, {
      granted: await hasHostAccess(origin),
      ...testOptions,
    });
    const t1 = performance.now();
    const parsed = parseFeed(text, window);
    const t2 = performance.now();
    // Who the user is: as they said, as the feed names its calendar (Google), or the one guest
    // of nearly every event (Outlook names no one).
    const feedSelf = parsed.calendarEmail ?? likelyOwner(parsed.occurrences);
    const selfEmail = config.selfEmail ?? feedSelf;
    const keywords = activeKeywords(settings);
    const oneOnOnes = classifyFeed(parsed.occurrences, {
      selfEmail,
      keywords,
      ...(await readOverrides(db)),
    });
    const t3 = performance.now();
    await recordFeedOneOnOnes(oneOnOnes, {
      settings,
      window,
      alsoWrite:
        during === 'connect'
          ? async (ctx) => {
              await ctx.db.meta.put({ key: FEED_META.config, value: config });
            }
          : undefined,
    });
    const t4 = performance.now();
    const now = Date.now();
    await updateFeedState(db, {
      lastSuccessAt: now,
      lastError: null,
      feedSelf,
      keywords: keywordSignature(settings),
      found: {
        events: parsed.events,
        occurrences: parsed.occurrences.length,
        oneOnOnes: oneOnOnes.length,
        week: oneOnOnes.filter((o) => o.occurrence.start >= now && o.occurrence.start < now + WEEK)
          .length,
      },
      timings: {
        fetchMs: Math.round(t1 - t0),
        parseMs: Math.round(t2 - t1),
        classifyMs: Math.round(t3 - t2),
        recordMs: Math.round(t4 - t3),
        bytes,
      },
    });
    if (during === 'connect') await ensureFeedAlarm();
    for (const fn of afterRunListeners) fn();
    return null;
  } catch (error) {
    const failure = failureOf(error, during);
    await updateFeedState(db, { lastError: failure });
    return failure;
  }
}

function failureOf(error: unknown, during: FeedFailure['during']): FeedFailure {
  const at = Date.now();
  if (error instanceof FeedFetchError) {
    return { kind: error.kind, ...(error.status ? { status: error.status } : {}), at, during };
  }
  if (error instanceof FeedParseError) {
    return {
      kind: error.kind,
      ...(error.flaw ? { flaw: error.flaw } : {}),
      ...(error.eventNumber ? { eventNumber: error.eventNumber } : {}),
      at,
      during,
    };
  }
  // Anything else is the database refusing the write (a full disk): said without its details.
  console.warn('Taiwa could not save the calendar feed:', (error as Error)?.name ?? 'error');
  return { kind: 'not-saved', at, during };
}
