import { z } from 'zod';
import { laterSeen, versionOf } from '@/utils/domain/merge';
import { TABLE_NAMES, type TableName } from '@/utils/model/entities';
import type { SyncRejection } from '@/utils/messaging/sync-status';
import {
  seenKey,
  type Row,
  type SeenRow,
  type SyncBase,
  type SyncRev,
  type TaiwaDb,
} from '../db/database';
import { syncedState } from './revs';
import { finishBulkWrite, redoStale, startBulkWrite, type BulkWrite } from '../db/write';
import { applyRemote, fromPayload, toPayload, type RemoteRecord } from './apply';
import { bulkSchema, parse, type CouchClient } from './couch';
import {
  decryptDoc,
  docIdFor,
  encryptDoc,
  KEYRING_ID,
  type EncryptedDoc,
  type SyncKeys,
} from './crypto';
import { SyncError, isTransient } from './errors';
import { META, readSent, readSince, type SentPositions } from './state';

/** A local row on its way to the server. */
interface Pushed {
  table: TableName;
  row: Row<TableName>;
}

/** At most this many documents per request (docs/architecture.md § Sync). */
export const BATCH = 100;

export interface EngineOptions {
  batch?: number;
  /** Tries per request on a transient failure, with a jittered pause between them. */
  attempts?: number;
  retryPauseMs?: number;
  /** Requests per run at most: a server that keeps answering "more" cannot hold the run. */
  maxRequests?: number;
}

export interface RunResult {
  pushed: number;
  pulled: number;
  /** Server documents reported and not applied, and why. */
  rejected: SyncRejection[];
}

// What the server answers, checked before use: a broken or hostile server is an error, not data.
const seqSchema = z.union([z.string(), z.number()]);
const changesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      seq: seqSchema.optional(),
      deleted: z.boolean().optional(),
      changes: z.array(z.object({ rev: z.string() })).optional(),
      doc: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  last_seq: seqSchema,
  pending: z.number().optional(),
});
/** Documents refused for their clock, kept to read again: at most this many (the latest). */
const MAX_REFUSED = 1_000;

const allDocsSchema = z.object({
  rows: z.array(
    z.object({ id: z.string().optional(), doc: z.record(z.string(), z.unknown()).nullish() }),
  ),
});
const keyRingSchema = z.object({ dbId: z.string() });

/**
 * The server's answer for the key ring is data set `dbId`'s; otherwise (none, or another) the
 * server's data was deleted or replaced: nothing of this device's may be sent there, or deleted.
 */
export function assertDataSet(answer: { status: number; body: unknown }, dbId: string): void {
  if (answer.status === 404) throw new SyncError('replaced', 404);
  if (parse(keyRingSchema, answer.body, 'key ring').dbId !== dbId) throw new SyncError('replaced');
}

/**
 * One sync run: pulls what other devices wrote, pushes what this one wrote, and repeats until
 * both sides agree. Every step is safe to interrupt: a pulled batch and its checkpoint commit
 * together, and a pushed record stays dirty until the server's answer for it is stored.
 */
export class SyncEngine {
  private requests = 0;
  private readonly conflicted = new Set<string>();
  /** A merge made here left a record the server lacks: another push is due. */
  private toSend = false;
  /** Where the reading of the queue stands: a table, and the last queue position read in it. */
  private scan = { table: 0, after: '' };
  /** Per table, the position up to which every record is sent (stored with each batch). */
  private sent: SentPositions = {};
  /** Tables where a record was not sent this run: their sent position stays where it is. */
  private readonly held = new Set<TableName>();
  /** "id rev" of what this run pushed: read back in `_changes`, it need not be decrypted. */
  private readonly ownRevisions = new Set<string>();
  /** What the run did so far (what it rejected is reported even when the run fails later). */
  readonly result: RunResult = { pushed: 0, pulled: 0, rejected: [] };
  private batch: number;

  constructor(
    private readonly db: TaiwaDb,
    private readonly client: CouchClient,
    private readonly keys: SyncKeys,
    private readonly options: EngineOptions = {},
  ) {
    this.batch = options.batch ?? BATCH;
  }

  async run(): Promise<RunResult> {
    await redoStale(this.db);
    await this.checkDataSet();
    await this.retryClockRefused();
    // Pull first (fewer conflicts), push everything, then pull what arrived meanwhile (with the
    // server's copies of this run's own pushes); push again only when a merge left something
    // the server lacks. Writes made during the run start a run of their own (sync-schedule.ts).
    await this.pullAll();
    for (let round = 0; round < 5; round++) {
      this.toSend = false;
      if (await this.pushAll()) await this.pullAll();
      if (!this.toSend) break;
    }
    return this.result;
  }

  /** A request, tried again on a transient failure; a run has a bounded number of them. */
  private async send<T>(method: string, path: string, body?: unknown, accept?: number[]) {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      if (++this.requests > (this.options.maxRequests ?? 50_000)) {
        throw new SyncError('bad-response', undefined, 'too many requests in one run');
      }
      try {
        return await this.client.request<T>(method, path, body, accept);
      } catch (error) {
        const retry = error instanceof SyncError && isTransient(error.kind) && attempt < attempts;
        if (!retry) throw error;
        const pause = (this.options.retryPauseMs ?? 500) * attempt * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  /** The server still holds the data set these keys belong to (not deleted, not replaced). */
  private async checkDataSet(): Promise<void> {
    const path = this.client.dbPath(`/${KEYRING_ID}`);
    assertDataSet(await this.send('GET', path, undefined, [404]), this.keys.dbId);
  }

  /**
   * Reads what changed on the server, one batch per request, each applied with its checkpoint.
   * An answer too large to read is asked for again in halves; an answer longer than asked is
   * taken up to the limit (the rest comes next, from that result's checkpoint); a server whose
   * checkpoint does not move on is an error, not a reason to ask forever.
   */
  private async pullAll(): Promise<void> {
    // From the second batch on, the search words and people's figures of everything pulled are
    // written once, at the end (or redone later, if the run is cut short): per batch, they cost
    // more than the records. A pull of one batch (the usual one) writes them with it.
    let bulk: BulkWrite | undefined;
    let batches = 0;
    try {
      await this.pullBatches(async () =>
        ++batches > 1 ? (bulk ??= await startBulkWrite()) : undefined,
      );
    } finally {
      if (bulk) await finishBulkWrite(bulk, 'sync');
    }
  }

  private async pullBatches(bulkWrite: () => Promise<BulkWrite | undefined>): Promise<void> {
    for (;;) {
      const since = await readSince(this.db);
      const limit = this.batch;
      // After this run pushed more than a batch, most changes are its own: their ids and
      // revisions are asked for first, and only the others' documents fetched (an initial sync
      // reads back none). A small push keeps the one request with documents.
      const lean = this.ownRevisions.size > limit;
      const query = `since=${encodeURIComponent(String(since))}&limit=${limit}${lean ? '' : '&include_docs=true'}`;
      let body: unknown;
      try {
        ({ body } = await this.send('GET', this.client.dbPath(`/_changes?${query}`)));
      } catch (error) {
        if (!(error instanceof SyncError && error.kind === 'response-too-large' && limit > 1))
          throw error;
        this.batch = Math.ceil(limit / 2);
        continue;
      }
      const changes = parse(changesSchema, body, '_changes');
      const results = changes.results.slice(0, limit);
      const cut = results.length < changes.results.length;
      const checkpoint = cut ? results.at(-1)?.seq : changes.last_seq;
      if (checkpoint === undefined) throw new SyncError('bad-response', undefined, '_changes seq');
      if (results.length && String(checkpoint) === String(since)) {
        throw new SyncError('bad-response', undefined, '_changes does not move on');
      }
      const own = (id: string, rev: unknown) => this.ownRevisions.has(`${id} ${String(rev)}`);
      const docs = lean
        ? await this.fetchDocs(
            results.filter((c) => !c.deleted && !own(c.id, c.changes?.[0]?.rev)).map((c) => c.id),
          )
        : results.flatMap((c) => (!c.deleted && c.doc && !own(c.id, c.doc._rev) ? [c.doc] : []));
      const records = await this.decryptAll(docs);
      await this.apply(records, checkpoint, records.length ? await bulkWrite() : undefined);
      this.result.pulled += records.length;
      const more =
        cut || (changes.pending === undefined ? results.length >= limit : changes.pending > 0);
      if (!results.length || !more) return;
    }
  }

  /** Applies pulled records (with their checkpoint, when pulled in order); notes what they need. */
  private async apply(
    records: RemoteRecord[],
    since: string | number | undefined,
    bulk?: BulkWrite,
  ) {
    const outcome = await applyRemote(records, since, bulk);
    if (outcome.toSend) this.toSend = true;
    this.result.rejected.push(...outcome.rejected);
    // The checkpoint moves past records refused for their clock: they are kept to read again.
    const refused = outcome.rejected.filter((r) => r.reason === 'clock').map((r) => r.id);
    const seen = new Set(records.map((r) => r.docId));
    if (refused.length || this.clockRefused.some((id) => seen.has(id))) {
      await this.keepClockRefused([...this.clockRefused.filter((id) => !seen.has(id)), ...refused]);
    }
  }

  /** Documents refused for their clock, as read at the start of the run and kept since. */
  private clockRefused: string[] = [];

  private async keepClockRefused(ids: string[]): Promise<void> {
    this.clockRefused = [...new Set(ids)].slice(-MAX_REFUSED);
    await this.db.meta.put({ key: META.clockRefused, value: this.clockRefused });
  }

  /**
   * Documents once refused for their clock (this device's own clock a day or more behind, say)
   * are read again at the start of each run, so they are taken in once the clocks agree.
   */
  private async retryClockRefused(): Promise<void> {
    this.clockRefused =
      ((await this.db.meta.get(META.clockRefused))?.value as string[] | undefined) ?? [];
    if (!this.clockRefused.length) return;
    const found = await this.readBack(this.clockRefused);
    // Gone from the server since: nothing left to read again.
    if (this.clockRefused.some((id) => !found.has(id))) {
      await this.keepClockRefused(this.clockRefused.filter((id) => found.has(id)));
    }
  }

  private async decryptAll(docs: Record<string, unknown>[]): Promise<RemoteRecord[]> {
    const records: RemoteRecord[] = [];
    for (const doc of docs) {
      const id = String(doc._id);
      if (id === KEYRING_ID || id.startsWith('_')) continue;
      try {
        const { value, version } = await decryptDoc(this.keys, doc);
        const record = fromPayload(value, id, String(doc._rev));
        // The record must be the one this document id stands for, or it was moved here; and
        // the version it is labelled with (format 2) the one it holds.
        const labelled =
          !version || (version.c === record?.record.hlc && version.d === record.record.deleted);
        if (
          record &&
          labelled &&
          (await docIdFor(this.keys, record.table, record.record.id)) === id
        ) {
          records.push(record);
          continue;
        }
      } catch {
        // reported below
      }
      this.result.rejected.push({ id, reason: 'tampered' });
    }
    return records;
  }

  /**
   * Pushes every local change, at most one batch per request. Storing the server's revisions of
   * one batch (a write of each row) overlaps reading, encrypting and sending the next. Answers
   * whether anything was pushed.
   */
  private async pushAll(): Promise<boolean> {
    this.sent = await readSent(this.db);
    this.scan = { table: 0, after: this.sent[TABLE_NAMES[0]] ?? '' };
    let storing: Promise<void> = Promise.resolve();
    let pushed = false;
    try {
      for (;;) {
        const rows = await this.nextToSend(this.batch);
        if (!rows.length) break;
        const entries = await Promise.all(
          rows.map(async ({ table, row }) => {
            const docId = await docIdFor(this.keys, table, row.id);
            const version = { c: row.hlc, d: row.deleted };
            const doc = await encryptDoc(this.keys, docId, toPayload(table, row), version);
            return { table, row, doc: row.rev ? { ...doc, _rev: row.rev } : doc };
          }),
        );
        const results = await this.postBatch(entries.map((e) => e.doc));
        const saved: (Pushed & { rev: string })[] = [];
        const conflicts: string[] = [];
        const sentUpTo: SentPositions = {};
        let refused: string | undefined;
        for (const { table, row, doc } of entries) {
          const result = results.get(doc._id);
          if (result?.rev && !result.error) {
            saved.push({ table, row, rev: result.rev });
            this.ownRevisions.add(`${doc._id} ${result.rev}`);
            if (!this.held.has(table) && row.pending) sentUpTo[table] = row.pending;
            continue;
          }
          // Not sent: the queue position of this table stops before it for this run.
          this.held.add(table);
          if (result?.error === 'conflict' && !this.conflicted.has(doc._id)) {
            conflicts.push(doc._id);
            this.conflicted.add(doc._id);
          } else refused ??= result?.error ?? 'no answer';
        }
        await storing;
        storing = this.markPushed(saved, sentUpTo);
        this.result.pushed += saved.length;
        pushed = true;
        if (conflicts.length) {
          await storing;
          await this.readBack(conflicts);
        }
        if (refused) {
          throw new SyncError(
            refused === 'forbidden' ? 'forbidden' : 'bad-response',
            undefined,
            refused,
          );
        }
      }
    } finally {
      await storing;
    }
    return pushed;
  }

  /**
   * One batch to `_bulk_docs`. A batch the server finds too large is sent in halves (and later
   * batches are smaller), down to a single record, which is then an error.
   */
  private async postBatch(
    docs: EncryptedDoc[],
  ): Promise<Map<string, z.infer<typeof bulkSchema>[number]>> {
    try {
      const { body } = await this.send('POST', this.client.dbPath('/_bulk_docs'), { docs });
      return new Map(parse(bulkSchema, body, '_bulk_docs').map((r) => [r.id, r]));
    } catch (error) {
      if (!(error instanceof SyncError && error.kind === 'too-large' && docs.length > 1))
        throw error;
      const half = Math.ceil(docs.length / 2);
      this.batch = Math.min(this.batch, half);
      const first = await this.postBatch(docs.slice(0, half));
      const second = await this.postBatch(docs.slice(half));
      return new Map([...first, ...second]);
    }
  }

  /**
   * The next records waiting to be sent, people first (other records refer to them), in queue
   * order from the sent position on: entries cleared by earlier runs are never stepped over.
   */
  private async nextToSend(limit: number): Promise<Pushed[]> {
    for (;;) {
      const rows = await this.readQueue(limit);
      if (!rows.length) return [];
      // What a push learnt is kept apart (revs.ts): the revision to name, and whether a record a
      // held-back position reads again was in fact sent already.
      const keys = rows.map((r) => seenKey(r.table, r.row.id));
      const pushed = await this.db.syncRevs.bulkGet(keys);
      const waiting = rows.flatMap(({ table, row }, i) => {
        const state = syncedState(row, pushed[i]);
        return state.dirty ? [{ table, row: { ...row, ...state } }] : [];
      });
      if (waiting.length) return waiting;
    }
  }

  /** The queue's next entries (answers none only when the queue is read to its end). */
  private async readQueue(limit: number): Promise<Pushed[]> {
    const rows: Pushed[] = [];
    for (;;) {
      const table = TABLE_NAMES[this.scan.table];
      if (!table || rows.length >= limit) break;
      const wanted = limit - rows.length;
      const found = await this.db
        .records(table)
        .where('pending')
        .above(this.scan.after)
        .limit(wanted)
        .toArray();
      rows.push(...found.map((row) => ({ table, row: row as Row<TableName> })));
      if (found.length < wanted) {
        const next = TABLE_NAMES[this.scan.table + 1];
        this.scan = { table: this.scan.table + 1, after: next ? (this.sent[next] ?? '') : '' };
      } else this.scan.after = found.at(-1)?.pending ?? this.scan.after;
    }
    return rows;
  }

  /**
   * The server has these versions now: what it holds of each record is stored apart from the
   * record (revs.ts), so a push rewrites no record nor its indexes, and a record edited meanwhile
   * still waits (its version is past the one sent). Each table's sent position moves on.
   */
  private async markPushed(saved: (Pushed & { rev: string })[], sentUpTo: SentPositions) {
    const db = this.db;
    await db.transaction('rw', ['syncRevs', 'syncBase', 'syncSeen', 'meta'], async () => {
      const keys = saved.map((s) => seenKey(s.table, s.row.id));
      // What the server now holds is the newest seen there: it is never taken back from it.
      const seen = await db.syncSeen.bulkGet(keys);
      await db.syncSeen.bulkPut(
        saved.map(({ row }, i): SeenRow => ({
          id: keys[i] ?? '',
          ...laterSeen(seen[i], versionOf(row)),
        })),
      );
      await db.syncRevs.bulkPut(
        saved.map(({ row, rev }, i): SyncRev => ({ k: keys[i] ?? '', rev, v: row.version })),
      );
      // The note text the server holds now, for telling later edits on both sides apart.
      const bases = saved.flatMap(({ table, row }): SyncBase[] =>
        table === 'notes' ? [{ id: row.id, textHlc: row.fieldHlc.text ?? row.hlc }] : [],
      );
      if (bases.length) await db.syncBase.bulkPut(bases);
      if (Object.keys(sentUpTo).length) {
        this.sent = { ...(await readSent(db)), ...sentUpTo };
        await db.meta.put({ key: META.sent, value: this.sent });
      }
    });
  }

  /** The server's current documents of `ids` (none for an id it no longer has). */
  private async fetchDocs(ids: string[]): Promise<Record<string, unknown>[]> {
    if (!ids.length) return [];
    const { body } = await this.send('POST', this.client.dbPath('/_all_docs?include_docs=true'), {
      keys: ids,
    });
    return parse(allDocsSchema, body, '_all_docs')
      .rows.map((r) => r.doc)
      .filter((doc): doc is Record<string, unknown> => !!doc);
  }

  /**
   * The server's current versions of `ids`, merged in like a pull (no checkpoint): after a
   * conflict, and for records once refused. Answers the ids the server still has.
   */
  private async readBack(ids: string[]): Promise<Set<string>> {
    const docs = await this.fetchDocs(ids);
    await this.apply(await this.decryptAll(docs), undefined);
    return new Set(docs.map((doc) => String(doc._id)));
  }
}
