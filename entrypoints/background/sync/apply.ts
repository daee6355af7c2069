import { TABLES, type RecordOf, type TableName } from '@/utils/model/entities';
import {
  fieldClock,
  joinNoteTexts,
  judgeRemote,
  laterSeen,
  mergeRecords,
  noteJoinMarker,
  versionOf,
} from '@/utils/domain/merge';
import type { SyncRejection } from '@/utils/messaging/sync-status';
import { seenKey, type Row, type SeenRow, type SyncRev } from '../db/database';
import { deriveFields, stripDerived } from '../db/derive';
import { noteWrite, writeTransaction, type BulkWrite, type WriteContext } from '../db/write';
import { META } from './state';
import { syncedState } from './revs';
import { foldTwins } from './twins';

/** A record read from the server, decrypted and checked against its table's schema. */
export interface RemoteRecord {
  table: TableName;
  record: RecordOf<TableName>;
  docId: string;
  rev: string;
}

/** What a record travels as, inside the ciphertext: this device's bookkeeping stays here. */
export interface Payload {
  t: TableName;
  r: Omit<RecordOf<TableName>, 'dirty' | 'version' | 'rev'>;
}

export function toPayload(table: TableName, row: Row<TableName>): Payload {
  const { dirty, version, rev, ...record } = stripDerived(row);
  return { t: table, r: record };
}

/** The record inside a decrypted payload, or null when it is not a valid record of ours. */
export function fromPayload(value: unknown, docId: string, rev: string): RemoteRecord | null {
  const payload = value as Partial<Payload> | null;
  if (!payload || typeof payload !== 'object' || !payload.t || !(payload.t in TABLES)) return null;
  const parsed = TABLES[payload.t].safeParse({ ...payload.r, dirty: 0, version: 0, rev });
  return parsed.success
    ? { table: payload.t, record: parsed.data as RecordOf<TableName>, docId, rev }
    : null;
}

/**
 * Applies records from the server in one transaction, together with the checkpoint they came
 * with (`since`), so a run stopped at any point resumes without losing or repeating anything.
 * A record with a bad clock, or older than what this device has seen on the server, is not
 * applied but answered as rejected. Answers how many changed here and how many now hold
 * something the server lacks.
 */
export async function applyRemote(
  records: RemoteRecord[],
  since: string | number | undefined,
  bulk?: BulkWrite,
): Promise<{ applied: number; toSend: number; rejected: SyncRejection[] }> {
  return writeTransaction(
    async (ctx) => {
      let applied = 0;
      let toSend = 0;
      const rejected: SyncRejection[] = [];
      const known = await readKnown(ctx, records);
      for (const remote of records) {
        const outcome = await applyOne(ctx, remote, known);
        if (outcome.refused) rejected.push({ id: remote.docId, reason: outcome.refused });
        if (outcome.changed) applied++;
        if (outcome.toSend) toSend++;
      }
      await Promise.all([
        ctx.db.syncSeen.bulkPut([...known.seenWritten.values()]),
        since !== undefined ? ctx.db.meta.put({ key: META.since, value: since }) : undefined,
        ...known.writes,
      ]);
      return { applied, toSend, rejected };
    },
    { source: 'sync', bulk },
  );
}

/**
 * What a pulled batch needs of the sync tables, read in two requests instead of two per record;
 * and writes that nothing in the batch reads back, issued without waiting one by one (a
 * transaction's requests run in order, and the batch awaits them all before it commits).
 */
interface Known {
  pushed: Map<string, SyncRev | undefined>;
  seen: Map<string, SeenRow | undefined>;
  seenWritten: Map<string, SeenRow>;
  writes: Promise<unknown>[];
}

async function readKnown(ctx: WriteContext, records: RemoteRecord[]): Promise<Known> {
  const keys = records.map((r) => seenKey(r.table, r.record.id));
  const [pushed, seen] = await Promise.all([
    ctx.db.syncRevs.bulkGet(keys),
    ctx.db.syncSeen.bulkGet(keys),
  ]);
  return {
    pushed: new Map(keys.map((k, i) => [k, pushed[i]])),
    seen: new Map(keys.map((k, i) => [k, seen[i]])),
    seenWritten: new Map(),
    writes: [],
  };
}

interface Outcome {
  changed: boolean;
  toSend: boolean;
  refused?: 'clock' | 'rollback';
}

async function applyOne(ctx: WriteContext, remote: RemoteRecord, known: Known): Promise<Outcome> {
  const { table, record, rev } = remote;
  const store = ctx.db.records(table);
  const key = seenKey(table, record.id);
  const stored = await store.get(record.id);
  const pushed = known.pushed.get(key);
  // The record with what the last push learnt of it (the row itself is not rewritten by a push).
  const found = stored && { ...stored, ...syncedState(stored, pushed) };
  if (found?.rev === rev) return { changed: false, toSend: false };
  const seen = known.seen.get(key);
  const verdict = judgeRemote(record, seen, ctx.now);
  if (verdict === 'rollback') {
    if (pushed) known.writes.push(ctx.db.syncRevs.delete(key));
    known.pushed.delete(key);
    return { ...(await sendAgain(ctx, table, found, rev)), refused: verdict };
  }
  if (verdict === 'clock') return { changed: false, toSend: false, refused: verdict };
  // From here the row is rewritten with the server's revision: it is the whole truth again.
  if (pushed) known.writes.push(ctx.db.syncRevs.delete(key));
  known.pushed.delete(key);
  ctx.witness(record.hlc);
  const nowSeen = { id: key, ...laterSeen(seen, versionOf(record)) };
  known.seen.set(key, nowSeen);
  known.seenWritten.set(key, nowSeen);
  let next: RecordOf<TableName>;
  let changed = true;
  if (!found) {
    next = { ...record, dirty: 0, version: 0, rev };
  } else {
    const local = stripDerived(found);
    const merged = mergeRecords(local, record);
    next = { ...merged.record, rev, version: local.version + 1, dirty: merged.localAhead ? 1 : 0 };
    changed = merged.localChanged;
    if (table === 'notes') {
      const joined = await keepBothTexts(ctx, local, record, next);
      changed ||= joined !== next;
      next = joined;
    }
  }
  if (table === 'notes') {
    known.writes.push(ctx.db.syncBase.put({ id: record.id, textHlc: fieldClock(record, 'text') }));
  }
  // Stored even when nothing else changed: the server's revision is what the next push needs.
  // Queued to be sent under a fresh clock: the queue is read onwards from where it last stopped.
  const queued = next.dirty ? { pending: ctx.tick() } : {};
  await store.put({ ...next, ...deriveFields(table, next), ...queued } as Row<TableName>);
  ctx.index.note(table, record.id, found, next);
  if (changed) noteWrite(ctx, table, next as { id: string; personId?: string });
  const folded = changed && (await foldTwins(ctx, table, next));
  return { changed, toSend: next.dirty === 1 || folded };
}

/**
 * The server holds an older copy than this device has seen there (put back from a backup, or a
 * deletion withheld): this device's version is queued to be sent over it, content untouched, so
 * the server is repaired on this run's push. Nothing to send when the record is not here.
 */
async function sendAgain(
  ctx: WriteContext,
  table: TableName,
  found: Row<TableName> | undefined,
  rev: string,
): Promise<{ changed: boolean; toSend: boolean }> {
  if (found) await ctx.db.records(table).put({ ...found, rev, dirty: 1, pending: ctx.tick() });
  return { changed: false, toSend: !!found };
}

/**
 * A note whose text changed on this device and on another since the server last agreed with
 * this one: last-writer-wins would drop one side's words, so both are kept, joined.
 */
async function keepBothTexts(
  ctx: WriteContext,
  local: RecordOf<TableName>,
  remote: RecordOf<TableName>,
  merged: RecordOf<TableName>,
): Promise<RecordOf<TableName>> {
  const [mine, theirs] = [local as RecordOf<'notes'>, remote as RecordOf<'notes'>];
  if (merged.deleted || !local.dirty || mine.text === theirs.text) return merged;
  const base = (await ctx.db.syncBase.get(local.id))?.textHlc;
  const [myClock, theirClock] = [fieldClock(mine, 'text'), fieldClock(theirs, 'text')];
  if (base === myClock || base === theirClock) return merged;
  const [later, earlier] = myClock > theirClock ? [mine, theirs] : [theirs, mine];
  const text = joinNoteTexts(later.text, earlier.text, noteJoinMarker(fieldClock(earlier, 'text')));
  if (text === (merged as RecordOf<'notes'>).text) return merged;
  const hlc = ctx.tick();
  return {
    ...merged,
    text,
    hlc,
    deviceId: ctx.deviceId,
    fieldHlc: { ...merged.fieldHlc, text: hlc },
    dirty: 1,
  } as RecordOf<TableName>;
}
