import { browser } from 'wxt/browser';
import type { SyncStatus } from '@/utils/messaging/sync-status';
import { notifyChanged } from '../changes';
import { getDb } from '../db/database';
import { CouchClient, type CouchOptions } from './couch';
import { SyncEngine, type EngineOptions } from './engine';
import { SyncError, failureOf, isTransient } from './errors';
import { hasHostAccess, watchNetErrors } from './net-errors';
import type { TaiwaDb } from '../db/database';
import type { SyncKeys } from './crypto';
import {
  readConfig,
  readKeys,
  readRunState,
  readStatus,
  updateRunState,
  type RunState,
  type SyncConfig,
} from './state';

export const PERIODIC_ALARM = 'taiwa-sync';
export const RETRY_ALARM = 'taiwa-sync-retry';
/** Minutes between runs when nothing else starts one: other devices' changes arrive by then. */
export const PERIOD_MINUTES = 5;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_MAX_MS = 30 * 60_000;

/** Why a run was asked for: only the user's "Sync now" (and setup) overrides back-off and stops. */
export type RunReason = 'alarm' | 'write' | 'now';

/**
 * The pause before retry number `failures`: doubling from 30 s up to 30 min, with ±50 % jitter
 * so devices that failed together do not come back together.
 */
export function backoffMs(failures: number, random = Math.random()): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random));
}

let current: Promise<SyncStatus> | null = null;
let again: RunReason | null = null;
/** Runs are held (see {@link withRunsHeld}): none starts. */
let held = 0;
let testOptions: { couch?: CouchOptions; engine?: EngineOptions } = {};

/** Tests shorten timeouts and pauses. */
export function setSyncOptionsForTests(options: typeof testOptions): void {
  testOptions = options;
}

/** Resolves when no run is in progress (tests wait for it before closing a database). */
export async function whenIdle(): Promise<void> {
  while (current) await current.catch(() => undefined);
}

/**
 * Runs `fn` once no sync run is in progress, and with none starting until it ends (runs asked
 * for meanwhile are skipped): deleting the server's copy, a run could write documents back.
 */
export async function withRunsHeld<T>(fn: () => Promise<T>): Promise<T> {
  held++;
  try {
    await whenIdle();
    return await fn();
  } finally {
    held--;
  }
}

/** Whether a run is in progress (in this service worker; a new one starts with none). */
export function isSyncRunning(): boolean {
  return current !== null;
}

/**
 * Runs sync once, one run at a time: asked for while one runs, it runs once more afterwards
 * (changes made meanwhile are not left waiting for the next alarm). Never throws: the outcome
 * is in the status, which every open view is told about.
 */
export function requestSync(reason: RunReason): Promise<SyncStatus> {
  if (current) {
    if (again !== 'now') again = reason;
    return current;
  }
  current = (async () => {
    let ran = false;
    try {
      let next: RunReason | null = reason;
      while (next) {
        again = null;
        ran = (await runOnce(next)) || ran;
        next = again;
      }
    } finally {
      current = null;
      // After `current` is cleared, so the views that reload read "not running".
      if (ran) notifyChanged(['sync']);
    }
    return readStatus(getDb(), false);
  })();
  return current;
}

/**
 * One run, when sync is set up and not waiting out a pause: answers whether it ran. With sync
 * off, a local write costs one read here and tells no view anything.
 */
async function runOnce(reason: RunReason): Promise<boolean> {
  if (held) return false;
  const db = getDb();
  const [config, keys, state] = await Promise.all([readConfig(db), readKeys(db), readRunState(db)]);
  if (!config || !keys) return false;
  const waiting = state.stopped || (state.nextAttemptAt ?? 0) > Date.now();
  if (reason !== 'now' && waiting) return false;
  notifyChanged(['sync']);
  await runEngine(db, config, keys, state);
  return true;
}

async function runEngine(
  db: TaiwaDb,
  config: SyncConfig,
  keys: SyncKeys,
  state: RunState,
): Promise<void> {
  const origin = new URL(config.url).origin;
  const watcher = watchNetErrors(origin);
  let engine: SyncEngine | undefined;
  // One entry per document (its latest reason), the last 100; kept also when the run fails.
  const rejected = () => {
    const all = [...state.rejected, ...(engine?.result.rejected ?? [])];
    return [...new Map(all.map((r) => [r.id, r])).values()].slice(-100);
  };
  try {
    const granted = await hasHostAccess(origin);
    const client = new CouchClient(config, {
      netError: watcher.lookup,
      granted,
      ...testOptions.couch,
    });
    engine = new SyncEngine(db, client, keys, testOptions.engine);
    await engine.run();
    await updateRunState(db, {
      lastSyncAt: Date.now(),
      lastError: null,
      failures: 0,
      nextAttemptAt: null,
      stopped: false,
      rejected: rejected(),
    });
    await browser.alarms.clear(RETRY_ALARM);
  } catch (error) {
    if (!(error instanceof SyncError)) console.error('Taiwa sync failed', error);
    const lastError = failureOf(error instanceof SyncError ? error : new SyncError('bad-response'));
    const failed = { lastError, rejected: rejected() };
    if (isTransient(lastError.kind)) {
      const failures = state.failures + 1;
      const nextAttemptAt = Date.now() + backoffMs(failures);
      await updateRunState(db, { ...failed, failures, nextAttemptAt, stopped: false });
      await browser.alarms.create(RETRY_ALARM, { when: nextAttemptAt });
    } else {
      // Login refused, data replaced, a record the server will not take: retrying cannot help.
      await updateRunState(db, { ...failed, nextAttemptAt: null, stopped: true });
    }
  } finally {
    watcher.stop();
  }
}

/** After a connect: runs every few minutes from now on. */
export async function startSchedule(): Promise<void> {
  await browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: PERIOD_MINUTES });
}

export async function stopSchedule(): Promise<void> {
  await Promise.all([browser.alarms.clear(PERIODIC_ALARM), browser.alarms.clear(RETRY_ALARM)]);
}
