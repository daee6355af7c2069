import { TABLE_NAMES, type TableName } from '@/utils/model/entities';
import type { SyncFailure, SyncRejection, SyncStatus } from '@/utils/messaging/sync-status';
import type { TaiwaDb } from '../db/database';
import type { CouchTarget } from './couch';
import type { SyncKeys } from './crypto';

/**
 * Sync's own state, kept in the database's `meta` table: extension-origin storage that content
 * scripts cannot read (unlike `storage.local`), and that survives the service worker. The keys
 * are non-extractable CryptoKeys (stored as such, never as bytes), usable without the passphrase.
 */
export const META = {
  config: 'sync.config',
  keys: 'sync.keys',
  since: 'sync.since',
  run: 'sync.run',
  /** Per table, the queue position (`pending`) up to which every record has been sent. */
  sent: 'sync.sent',
  /** The data set this device last synced with; kept by "forget", to notice a different one. */
  lastDbId: 'sync.lastDbId',
  /** Documents refused for their clock: read again on each run (this device's clock may be fixed). */
  clockRefused: 'sync.clockRefused',
} as const;

export interface SyncConfig extends CouchTarget {
  dbId: string;
  connectedAt: number;
}

/** How the last runs went: what the status shows and what back-off reads. */
export interface RunState {
  lastSyncAt: number | null;
  lastError: SyncFailure | null;
  failures: number;
  nextAttemptAt: number | null;
  /** Waits for the user (login refused, data replaced): no retry by itself. */
  stopped: boolean;
  /** Server documents left unapplied, and why (kept few: for the status, not for recovery). */
  rejected: SyncRejection[];
}

export const NO_RUNS: RunState = {
  lastSyncAt: null,
  lastError: null,
  failures: 0,
  nextAttemptAt: null,
  stopped: false,
  rejected: [],
};

async function read<T>(db: TaiwaDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export const readConfig = (db: TaiwaDb) => read<SyncConfig>(db, META.config);
export const readKeys = (db: TaiwaDb) => read<SyncKeys>(db, META.keys);
/** The server's opaque checkpoint: passed back as it came, never computed with. */
export const readSince = async (db: TaiwaDb) => (await read<string | number>(db, META.since)) ?? 0;
export async function readRunState(db: TaiwaDb): Promise<RunState> {
  const run = { ...NO_RUNS, ...(await read<RunState>(db, META.run)) };
  // Before the reasons were kept, only ids of documents that did not decrypt were.
  const rejected = run.rejected as (SyncRejection | string)[];
  return {
    ...run,
    rejected: rejected.map((r) => (typeof r === 'string' ? { id: r, reason: 'tampered' } : r)),
  };
}

export async function updateRunState(db: TaiwaDb, patch: Partial<RunState>): Promise<RunState> {
  return db.transaction('rw', db.meta, async () => {
    const next = { ...(await readRunState(db)), ...patch };
    await db.meta.put({ key: META.run, value: next });
    return next;
  });
}

export type SentPositions = Partial<Record<TableName, string>>;
export const readSent = async (db: TaiwaDb) => (await read<SentPositions>(db, META.sent)) ?? {};

/** Records not yet on the server: each table's queue after its sent position. */
export async function countPending(db: TaiwaDb): Promise<number> {
  const sent = await readSent(db);
  const counts = await Promise.all(
    TABLE_NAMES.map((table) =>
      db
        .records(table)
        .where('pending')
        .above(sent[table] ?? '')
        .count(),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export async function readStatus(db: TaiwaDb, running: boolean): Promise<SyncStatus> {
  const [config, run] = await Promise.all([readConfig(db), readRunState(db)]);
  // Off, every record counts as unsent: counting them all would be slow and say nothing.
  const pending = config ? await countPending(db) : 0;
  let server: string | null = null;
  if (config) server = `${new URL(config.url).host}/${config.db}`;
  const rejectedFor: SyncStatus['rejectedFor'] = {};
  for (const { reason } of run.rejected) rejectedFor[reason] = (rejectedFor[reason] ?? 0) + 1;
  return {
    enabled: !!config,
    server,
    running,
    state: !config ? 'off' : run.stopped ? 'stopped' : run.lastError ? 'retrying' : 'ok',
    lastSyncAt: run.lastSyncAt,
    pending,
    lastError: run.lastError,
    nextAttemptAt: run.nextAttemptAt,
    rejected: run.rejected.length,
    rejectedFor,
  };
}

/**
 * Starts afresh with another server data set: every record is sent again (without a server
 * revision) and everything is read from the start; what was seen of the other one is forgotten.
 * Local data itself is not touched.
 */
export async function resetSyncState(db: TaiwaDb): Promise<void> {
  await db.transaction(
    'rw',
    [...TABLE_NAMES, 'meta', 'syncBase', 'syncSeen', 'syncRevs'],
    async () => {
      for (const table of TABLE_NAMES) {
        await db
          .records(table)
          .toCollection()
          .modify((row) => {
            row.dirty = 1;
            row.rev = null;
            row.pending = row.hlc || '0';
          });
      }
      await db.syncBase.clear();
      await db.syncSeen.clear();
      await db.syncRevs.clear();
      await db.meta.bulkDelete([META.since, META.run, META.sent, META.clockRefused]);
    },
  );
}

/**
 * "Forget this device": the keys, the login and the sync state go; the notes stay, and so does
 * what was seen on the server (joining the same data set again, an older copy is still noticed).
 */
export async function forgetSync(db: TaiwaDb): Promise<void> {
  await db.transaction('rw', db.meta, () =>
    db.meta.bulkDelete([
      META.config,
      META.keys,
      META.since,
      META.run,
      META.sent,
      META.clockRefused,
    ]),
  );
}
