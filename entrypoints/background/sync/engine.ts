import { z } from 'zod';
import { TABLE_NAMES, type TableName } from '@/utils/model/entities';
import type { Row, TaiwaDb } from '../db/database';
import { applyRemote, fromPayload, toPayload, type RemoteRecord } from './apply';
import type { CouchClient } from './couch';
import { decryptDoc, docIdFor, encryptDoc, KEYRING_ID, type SyncKeys } from './crypto';
import { SyncError, isTransient } from './errors';
import { readSince } from './state';

/** At most this many documents per request (DESIGN.md, Sync). */
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
  /** Server documents that did not decrypt or were not valid records: reported, not applied. */
  rejected: string[];
}

// What the server answers, checked before use: a broken or hostile server is an error, not data.
const changesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      deleted: z.boolean().optional(),
      doc: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  last_seq: z.union([z.string(), z.number()]),
  pending: z.number().optional(),
});
const bulkSchema = z.array(
  z.object({
    id: z.string(),
    rev: z.string().optional(),
    error: z.string().optional(),
  }),
);
const allDocsSchema = z.object({
  rows: z.array(
    z.object({ id: z.string().optional(), doc: z.record(z.string(), z.unknown()).nullish() }),
  ),
});
const keyRingSchema = z.object({ dbId: z.string() });

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncError('bad-response', undefined, what);
  return parsed.data;
}

/**
 * One sync run: pulls what other devices wrote, pushes what this one wrote, and repeats until
 * both sides agree. Every step is safe to interrupt: a pulled batch and its checkpoint commit
 * together, and a pushed record stays dirty until the server's answer for it is stored.
 */
export class SyncEngine {
  private requests = 0;
  private readonly conflicted = new Set<string>();
  private readonly result: RunResult = { pushed: 0, pulled: 0, rejected: [] };
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
    await this.checkDataSet();
    for (;;) {
      await this.pullAll();
      if (!(await this.pushBatch())) break;
    }
    return this.result;
  }

  /** A request, tried again on a transient failure; a run has a bounded number of them. */
  private async send<T>(method: string, path: string, body?: unknown, accept?: number[]) {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      if (++this.requests > (this.options.maxRequests ?? 5_000)) {
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
    const { status, body } = await this.send(
      'GET',
      this.client.dbPath(`/${KEYRING_ID}`),
      undefined,
      [404],
    );
    if (status === 404) throw new SyncError('replaced', 404);
    if (parse(keyRingSchema, body, 'key ring').dbId !== this.keys.dbId) {
      throw new SyncError('replaced');
    }
  }

  private async pullAll(): Promise<void> {
    for (;;) {
      const since = await readSince(this.db);
      const query = `since=${encodeURIComponent(String(since))}&limit=${this.batch}&include_docs=true`;
      const { body } = await this.send('GET', this.client.dbPath(`/_changes?${query}`));
      const changes = parse(changesSchema, body, '_changes');
      const docs = changes.results.flatMap((c) => (!c.deleted && c.doc ? [c.doc] : []));
      const records = await this.decryptAll(docs);
      await applyRemote(records, changes.last_seq);
      this.result.pulled += records.length;
      const more =
        changes.pending === undefined ? changes.results.length >= this.batch : changes.pending > 0;
      if (!changes.results.length || !more) return;
    }
  }

  private async decryptAll(docs: Record<string, unknown>[]): Promise<RemoteRecord[]> {
    const records: RemoteRecord[] = [];
    for (const doc of docs) {
      const id = String(doc._id);
      if (id === KEYRING_ID || id.startsWith('_')) continue;
      try {
        const record = fromPayload(await decryptDoc(this.keys, doc), id, String(doc._rev));
        // The record must be the one this document id stands for, or it was moved here.
        if (record && (await docIdFor(this.keys, record.table, record.record.id)) === id) {
          records.push(record);
          continue;
        }
      } catch {
        // reported below
      }
      this.result.rejected.push(id);
    }
    return records;
  }

  /** Pushes up to one batch of local changes; answers whether there was anything to push. */
  private async pushBatch(): Promise<boolean> {
    const rows = await this.dirtyRows(this.batch);
    if (!rows.length) return false;
    const entries = await Promise.all(
      rows.map(async (entry) => {
        const docId = await docIdFor(this.keys, entry.table, entry.row.id);
        const doc = await encryptDoc(this.keys, docId, toPayload(entry.table, entry.row));
        return { ...entry, doc: entry.row.rev ? { ...doc, _rev: entry.row.rev } : doc };
      }),
    );
    let answer;
    try {
      answer = await this.send('POST', this.client.dbPath('/_bulk_docs'), {
        docs: entries.map((e) => e.doc),
      });
    } catch (error) {
      // Too large for this server: smaller batches, down to one record.
      if (error instanceof SyncError && error.kind === 'too-large' && this.batch > 1) {
        this.batch = Math.max(1, Math.floor(rows.length / 2));
        return true;
      }
      throw error;
    }
    const results = new Map(parse(bulkSchema, answer.body, '_bulk_docs').map((r) => [r.id, r]));
    const saved: { table: TableName; row: Row<TableName>; rev: string }[] = [];
    const conflicts: string[] = [];
    let refused: string | undefined;
    for (const { table, row, doc } of entries) {
      const result = results.get(doc._id);
      if (result?.rev && !result.error) saved.push({ table, row, rev: result.rev });
      else if (result?.error === 'conflict' && !this.conflicted.has(doc._id)) {
        conflicts.push(doc._id);
        this.conflicted.add(doc._id);
      } else refused ??= result?.error ?? 'no answer';
    }
    await this.markPushed(saved);
    this.result.pushed += saved.length;
    if (refused) {
      throw new SyncError(
        refused === 'forbidden' ? 'forbidden' : 'bad-response',
        undefined,
        refused,
      );
    }
    if (conflicts.length) await this.readBack(conflicts);
    return true;
  }

  /** Rows with local changes, people first (other records refer to them). */
  private async dirtyRows(limit: number): Promise<{ table: TableName; row: Row<TableName> }[]> {
    const rows: { table: TableName; row: Row<TableName> }[] = [];
    for (const table of TABLE_NAMES) {
      if (rows.length >= limit) break;
      const found = await this.db
        .records(table)
        .where('dirty')
        .equals(1)
        .limit(limit - rows.length)
        .toArray();
      rows.push(...found.map((row) => ({ table, row: row as Row<TableName> })));
    }
    return rows;
  }

  /** The server has these versions now: remember its revisions; rows edited meanwhile stay dirty. */
  private async markPushed(saved: { table: TableName; row: Row<TableName>; rev: string }[]) {
    const db = this.db;
    await db.transaction('rw', [...TABLE_NAMES, 'syncBase'], async () => {
      for (const { table, row, rev } of saved) {
        const current = await db.records(table).get(row.id);
        if (!current) continue;
        const unchanged = current.version === row.version;
        await db.records(table).update(row.id, { rev, ...(unchanged ? { dirty: 0 } : {}) });
        if (table === 'notes' && unchanged) {
          await db.syncBase.put({ id: row.id, textHlc: row.fieldHlc.text ?? row.hlc });
        }
      }
    });
  }

  /** After a conflict: the server's current versions, merged in like a pull (no checkpoint). */
  private async readBack(ids: string[]): Promise<void> {
    const { body } = await this.send('POST', this.client.dbPath('/_all_docs?include_docs=true'), {
      keys: ids,
    });
    const docs = parse(allDocsSchema, body, '_all_docs')
      .rows.map((r) => r.doc)
      .filter((doc): doc is Record<string, unknown> => !!doc);
    await applyRemote(await this.decryptAll(docs), undefined);
  }
}
