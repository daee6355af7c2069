import {
  TABLES,
  type Content,
  type Meeting,
  type RecordOf,
  type SyncMeta,
  type TableName,
} from '@/utils/model/entities';
import { tickHlc } from '@/utils/domain/hlc';
import { stampAgendaItems } from '@/utils/domain/agenda-merge';
import { getDb, type Row, type TaiwaDb } from './database';
import { EMPTY, KEPT_ON_DELETE } from './defaults';
import { deriveFields, stripDerived } from './derive';
import { refreshStats } from './stats';
import { ensureSearchIndex, holdRebuilds, IndexChanges } from './search-index';
import { META_KEYS } from './meta-keys';

/** Thrown for a record that does not exist (or is deleted); the message is shown to the user. */
export class NotFoundError extends Error {
  constructor(table: TableName, id: string) {
    super(`No ${table} record with id "${id}".`);
  }
}

/** The live (not deleted) record `id` of `table`, or a {@link NotFoundError}. */
export async function getLive<T extends TableName>(
  db: TaiwaDb,
  table: T,
  id: string,
): Promise<Row<T>> {
  const row = await db.records(table).get(id);
  if (!row || row.deleted) throw new NotFoundError(table, id);
  return row;
}

/** What one write transaction needs: the clock, the device, and what it changed. */
export interface WriteContext {
  db: TaiwaDb;
  now: number;
  deviceId: string;
  tick(): string;
  /** Moves this device's clock past a clock seen in another device's record (pulled by sync). */
  witness(remote: string): void;
  changed: Set<TableName>;
  /** People whose overview figures this write may change; refreshed before it commits. */
  touchedPeople: Set<string>;
  /** Meetings this write changed, as they are now (their people's chart points follow). */
  touchedMeetings: Map<string, Meeting>;
  /** The search changes of this write (search-index.ts): note every record put, before and after. */
  index: IndexChanges;
}

const ALL_TABLES = [
  ...(Object.keys(TABLES) as TableName[]),
  'meta',
  'personStats',
  'personSeries',
  'syncBase',
  'syncSeen',
  'vocab',
  'postings',
  'syncRevs',
] as const;

const localWriteListeners = new Set<() => void>();
const commitListeners = new Set<(tables: ReadonlySet<TableName>) => void>();

/**
 * Calls `fn` with the tables each committed write changed (any source). The database layer
 * knows nothing of who listens: changes.ts tells the open views from here.
 */
export function onCommit(fn: (tables: ReadonlySet<TableName>) => void): () => void {
  commitListeners.add(fn);
  return () => commitListeners.delete(fn);
}

/** Calls `fn` after each committed write made on this device (not one applied by sync). */
export function onLocalWrite(fn: () => void): () => void {
  localWriteListeners.add(fn);
  return () => localWriteListeners.delete(fn);
}

/**
 * What a bulk write (an import, a sync pull) gathers over its many transactions and finishes
 * once, in {@link finishBulkWrite}: the search words, the people's figures, and telling the open
 * views. Doing these per chunk would redo the same people's figures and reload every view a
 * hundred times. (A record the user edits while a pull runs may keep a word of its pulled version
 * in the postings: that costs a search one record read, since the text check decides.)
 */
export interface BulkWrite {
  index: IndexChanges;
  changed: Set<TableName>;
  touchedPeople: Set<string>;
  touchedMeetings: Map<string, Meeting>;
  /** Lets search rebuild again (see search-index.ts `holdRebuilds`). */
  release(): void;
}

/** Starts a bulk write; end it with {@link finishBulkWrite}, or {@link abandonBulkWrite}. */
export async function startBulkWrite(): Promise<BulkWrite> {
  await getDb().meta.put({ key: META_KEYS.searchStale, value: true });
  return {
    index: new IndexChanges(true),
    changed: new Set(),
    touchedPeople: new Set(),
    touchedMeetings: new Map(),
    release: holdRebuilds(),
  };
}

/** A bulk write that failed: what it left undone stays marked, for {@link redoStale}. */
export function abandonBulkWrite(bulk: BulkWrite): void {
  bulk.release();
}

/**
 * Runs `fn` in one read-write transaction over every table, with a clock for stamping records.
 * Either everything it wrote commits or nothing does; open views hear about it after the commit.
 * `source: 'sync'` marks records pulled from the server, which need no push of their own.
 * `bulk`: one chunk of a bulk write; what follows every write is left to `finishBulkWrite`.
 */
export async function writeTransaction<T>(
  fn: (ctx: WriteContext) => Promise<T>,
  { source = 'user', bulk }: { source?: 'user' | 'sync'; bulk?: BulkWrite } = {},
): Promise<T> {
  const db = getDb();
  const changed = new Set<TableName>();
  // A bulk write's step gathers its own changes: they join the bulk write's once it commits.
  const step = bulk && {
    index: new IndexChanges(bulk.index.bulk),
    touchedPeople: new Set<string>(),
    touchedMeetings: new Map<string, Meeting>(),
  };
  const result = await db.transaction('rw', [...ALL_TABLES], async () => {
    const deviceId = await getDeviceId(db);
    const clockRow = await db.meta.get('clock');
    let clock = typeof clockRow?.value === 'string' ? clockRow.value : null;
    const now = Date.now();
    const ctx: WriteContext = {
      db,
      now,
      deviceId,
      changed,
      touchedPeople: step?.touchedPeople ?? new Set(),
      touchedMeetings: step?.touchedMeetings ?? new Map(),
      index: step?.index ?? new IndexChanges(),
      tick: () => (clock = tickHlc(clock, now, deviceId)),
      witness: (remote) => {
        if (!clock || remote > clock) clock = remote;
      },
    };
    const value = await fn(ctx);
    if (!bulk) {
      await ctx.index.flush(db);
      await refreshStats(db, ctx.touchedPeople, now, ctx.touchedMeetings);
    } else if (ctx.touchedPeople.size) {
      // Kept with the records: if the bulk write never finishes, their figures are redone later.
      const stale = new Set([...bulk.touchedPeople, ...ctx.touchedPeople]);
      await db.meta.put({ key: META_KEYS.statsStale, value: [...stale] });
    }
    if (clock) await db.meta.put({ key: 'clock', value: clock });
    return value;
  });
  if (bulk && step) {
    bulk.index.absorb(step.index);
    step.touchedPeople.forEach((id) => bulk.touchedPeople.add(id));
    step.touchedMeetings.forEach((m, id) => bulk.touchedMeetings.set(id, m));
    changed.forEach((t) => bulk.changed.add(t));
  } else committed(changed, source);
  return result;
}

/** Open views hear what changed; a local change is due to be synced. */
function committed(changed: ReadonlySet<TableName>, source: 'user' | 'sync'): void {
  for (const fn of commitListeners) fn(changed);
  if (source === 'user' && changed.size) for (const fn of localWriteListeners) fn();
}

/**
 * Ends a bulk write: its search words and the people's figures written in one transaction, and
 * neither marked stale any more. If this never runs (the browser closed), {@link redoStale} does
 * it later from the marks.
 */
export async function finishBulkWrite(
  bulk: BulkWrite,
  source: 'user' | 'sync' = 'user',
): Promise<void> {
  const db = getDb();
  try {
    await db.transaction('rw', [...ALL_TABLES], async () => {
      await bulk.index.flush(db);
      await refreshStats(db, bulk.touchedPeople, Date.now(), bulk.touchedMeetings);
      await db.meta.bulkDelete([META_KEYS.searchStale, META_KEYS.statsStale]);
    });
  } finally {
    bulk.release();
  }
  committed(bulk.changed, source);
}

/**
 * What a bulk write left undone when it was cut short: the figures of the people it touched, and
 * the search structure (rebuilt whole). Cheap when there is nothing to redo (two reads).
 */
export async function redoStale(db: TaiwaDb): Promise<void> {
  const people = (await db.meta.get(META_KEYS.statsStale))?.value;
  if (Array.isArray(people)) {
    await db.transaction('rw', [...ALL_TABLES], async () => {
      await refreshStats(db, people as string[], Date.now());
      await db.meta.delete(META_KEYS.statsStale);
    });
  }
  await ensureSearchIndex(db);
}

/** This installation's random id, created on first write. */
export async function getDeviceId(db: TaiwaDb): Promise<string> {
  const row = await db.meta.get('deviceId');
  if (typeof row?.value === 'string') return row.value;
  const id = crypto.randomUUID();
  await db.meta.put({ key: 'deviceId', value: id });
  return id;
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Creates (`id` unknown, with `create` given) or updates a record. Only fields whose value
 * changes get a new clock; an update that changes nothing writes nothing. The result is checked
 * against the record's schema before it is stored, so no invalid row ever reaches the database.
 */
export async function saveRecord<T extends TableName>(
  ctx: WriteContext,
  table: T,
  id: string | null,
  patch: Partial<Content<RecordOf<T>>>,
  options: { create?: boolean; revive?: boolean } = {},
): Promise<RecordOf<T>> {
  const store = ctx.db.records(table);
  const found = id ? await store.get(id) : undefined;
  // A tombstone is revived only on request (an import, a re-set override): its id lives on.
  const revived = found?.deleted && options.revive;
  const existing = revived ? { ...found, ...EMPTY[table], deleted: 0 as const } : found;
  if (existing?.deleted || (!existing && !options.create)) {
    throw new NotFoundError(table, id ?? '(none)');
  }
  const base: RecordOf<T> = existing
    ? stripDerived<T>(existing)
    : ({
        ...EMPTY[table],
        id: id ?? crypto.randomUUID(),
        createdAt: ctx.now,
        updatedAt: ctx.now,
        hlc: '',
        fieldHlc: {},
        deviceId: ctx.deviceId,
        dirty: 1,
        version: 0,
        rev: null,
        deleted: 0,
      } as RecordOf<T>);
  const fields =
    existing && !revived ? Object.keys(patch) : Object.keys({ ...EMPTY[table], ...patch });
  if (revived) fields.push('deleted');
  const merged = { ...base, ...patch } as Record<string, unknown>;
  const changed = fields.filter(
    (key) =>
      !existing || revived || !sameValue((base as Record<string, unknown>)[key], merged[key]),
  );
  if (existing && changed.length === 0) return base;
  const hlc = ctx.tick();
  const stamped = stampFields(ctx, base, hlc, changed);
  if (table === 'meetings' && changed.includes('agenda')) {
    // Each agenda item added, edited or removed gets its own clock, for the per-item merge.
    const after = (merged as Meeting).agenda;
    stamped.fieldHlc = stampAgendaItems(base as Meeting, after, stamped.fieldHlc, hlc);
  }
  const next = TABLES[table].parse({ ...merged, ...stamped }) as RecordOf<T>;
  await store.put({ ...next, ...deriveFields(table, next) } as Row<T>);
  ctx.index.note(table, next.id, found, next);
  noteWrite(ctx, table, next);
  return next;
}

/** Records what a write touched: the table, for open views; the person, for the overview. */
export function noteWrite(
  ctx: WriteContext,
  table: TableName,
  record: { id: string; personId?: string },
): void {
  ctx.changed.add(table);
  if (table === 'people') ctx.touchedPeople.add(record.id);
  if (table === 'meetings') ctx.touchedMeetings.set(record.id, record as Meeting);
  if (table === 'meetings' || table === 'actions') {
    if (record.personId) ctx.touchedPeople.add(record.personId);
  }
}

function stampFields(
  ctx: WriteContext,
  base: SyncMeta,
  hlc: string,
  changed: string[],
): Partial<SyncMeta> & Pick<SyncMeta, 'fieldHlc'> {
  return {
    updatedAt: ctx.now,
    hlc,
    deviceId: ctx.deviceId,
    dirty: 1,
    version: base.version + 1,
    fieldHlc: { ...base.fieldHlc, ...Object.fromEntries(changed.map((key) => [key, hlc])) },
  };
}

/** Deletes a record for good: its content is cleared and a tombstone kept for sync. */
export async function tombstone<T extends TableName>(
  ctx: WriteContext,
  table: T,
  id: string,
): Promise<void> {
  const store = ctx.db.records(table);
  const existing = await store.get(id);
  if (!existing || existing.deleted) return;
  const base = stripDerived<T>(existing);
  const kept = Object.fromEntries(
    (KEPT_ON_DELETE[table] as string[]).map((key) => [key, (base as Record<string, unknown>)[key]]),
  );
  const hlc = ctx.tick();
  const cleared = { ...base, ...EMPTY[table], ...kept, deleted: 1 as const };
  const next = {
    ...cleared,
    ...stampFields(ctx, base, hlc, [...Object.keys(EMPTY[table]), 'deleted']),
  } as RecordOf<T>;
  await store.put({ ...next, ...deriveFields(table, next) } as Row<T>);
  ctx.index.note(table, id, existing, next);
  noteWrite(ctx, table, next);
}
