import type { RecordOf, TableName } from '@/utils/model/entities';
import { tokenize } from '@/utils/domain/tokenize';
import { meetingAt } from './derive';
import { META_KEYS } from './meta-keys';
import type { PostingRow } from './rows';
import type { TaiwaDb } from './database';

/*
 * Search's own structure (docs/architecture.md § Search): a vocabulary of every indexed word (its
 * primary key sorted, so the words a half-typed one starts are one key range), and per word and
 * month one row packing the records that hold it. Before it, each record carried its words as a
 * multi-entry index: every write of a record paid ~11 µs per word, and a half-typed word could
 * not rule records out by key. Now a write touches one small row per word that changed, and a
 * query reads the rows of its words month by month, newest first, intersecting them exactly.
 */

export const SEARCH_TABLES = ['meetings', 'notes', 'actions'] as const;
export type SearchTable = (typeof SEARCH_TABLES)[number];

/** A record in a posting: its table's letter and its id (ids never hold a space). */
const LETTER: Record<SearchTable, string> = { meetings: 'm', notes: 'n', actions: 'a' };
const TABLE_OF: Record<string, SearchTable> = { m: 'meetings', n: 'notes', a: 'actions' };

export const refOf = (table: SearchTable, id: string) => LETTER[table] + id;
export function parseRef(ref: string): { table: SearchTable; id: string } {
  return { table: TABLE_OF[ref[0] ?? ''] ?? 'notes', id: ref.slice(1) };
}

/** Postings are packed by month (about: 1/12 of a year), so a new record touches this month's. */
const BUCKET_MS = 2_629_746_000;
export const bucketOf = (at: number) => Math.floor(Math.max(0, at) / BUCKET_MS);
/** Order within a month, newest first, to the minute (a small integer on disk). */
const minuteOf = (at: number) => Math.floor(Math.max(0, at) / 60_000);

/** The key of a word's posting row for a month. */
export type PostingKey = [string, number];

interface SearchDoc {
  words: string[];
  at: number;
}

function isSearchTable(table: TableName): table is SearchTable {
  return (SEARCH_TABLES as readonly string[]).includes(table);
}

/** What a record is found by: its words and its time (null: deleted, or not searchable). */
export function searchDoc(table: TableName, record: RecordOf<TableName>): SearchDoc | null {
  if (record.deleted || !isSearchTable(table)) return null;
  switch (table) {
    case 'meetings': {
      const m = record as RecordOf<'meetings'>;
      return {
        words: tokenize([m.title, ...m.agenda.map((i) => i.text)].join('\n')),
        at: meetingAt(m),
      };
    }
    case 'notes':
      return { words: tokenize((record as RecordOf<'notes'>).text), at: record.createdAt };
    case 'actions':
      return { words: tokenize((record as RecordOf<'actions'>).text), at: record.createdAt };
  }
}

interface KeyChanges {
  /** Refs to take out of the row first. */
  out: Set<string>;
  /** Then refs to put in, with their minute. */
  inRefs: string[];
  inMinutes: number[];
}

const keyString = (word: string, bucket: number) => `${bucket}\u0000${word}`;

/**
 * The search changes of one or more write transactions, applied in one step ({@link flush}). A
 * write notes the record as it was and as it is; only the words that changed (or all, when its
 * month changed) become changes, so an edit that leaves the text alone costs nothing.
 */
export class IndexChanges {
  private readonly byKey = new Map<string, KeyChanges>();

  /**
   * `bulk`: the rows hold none of the records noted as new (a rebuild, an import's new records),
   * so no copy of them is looked for: the changes stay small in memory at 200,000 records.
   */
  constructor(readonly bulk = false) {}

  /**
   * Takes in the changes of a later step (a committed transaction of a bulk write), as if they
   * had been noted here after everything already noted.
   */
  absorb(later: IndexChanges): void {
    for (const [key, next] of later.byKey) {
      const mine = this.byKey.get(key);
      if (!mine) {
        this.byKey.set(key, next);
        continue;
      }
      for (const ref of next.out) {
        if (!this.bulk) mine.out.add(ref);
        const at = mine.inRefs.indexOf(ref);
        if (at >= 0) {
          mine.inRefs.splice(at, 1);
          mine.inMinutes.splice(at, 1);
        }
      }
      mine.inRefs.push(...next.inRefs);
      mine.inMinutes.push(...next.inMinutes);
    }
    later.byKey.clear();
  }

  note(
    table: TableName,
    id: string,
    before: RecordOf<TableName> | undefined,
    after: RecordOf<TableName> | undefined,
  ): void {
    if (!isSearchTable(table)) return;
    const was = before ? searchDoc(table, before) : null;
    const now = after ? searchDoc(table, after) : null;
    if (!was && !now) return;
    const ref = refOf(table, id);
    const sameSpot = was && now && minuteOf(was.at) === minuteOf(now.at);
    const kept = sameSpot ? new Set(now.words) : new Set<string>();
    const had = sameSpot ? new Set(was.words) : new Set<string>();
    if (was) {
      const bucket = bucketOf(was.at);
      for (const word of was.words) if (!kept.has(word)) this.remove(word, bucket, ref);
    }
    if (now) {
      const bucket = bucketOf(now.at);
      const minute = minuteOf(now.at);
      for (const word of now.words) if (!had.has(word)) this.add(word, bucket, ref, minute);
    }
  }

  private changes(word: string, bucket: number): KeyChanges {
    const key = keyString(word, bucket);
    let found = this.byKey.get(key);
    if (!found) this.byKey.set(key, (found = { out: new Set(), inRefs: [], inMinutes: [] }));
    return found;
  }

  private remove(word: string, bucket: number, ref: string): void {
    const changes = this.changes(word, bucket);
    changes.out.add(ref);
    // Put in earlier in the same step: taken back (the later write is what stands).
    const at = changes.inRefs.indexOf(ref);
    if (at >= 0) {
      changes.inRefs.splice(at, 1);
      changes.inMinutes.splice(at, 1);
    }
  }

  private add(word: string, bucket: number, ref: string, minute: number): void {
    const changes = this.changes(word, bucket);
    // Any copy already in the row goes first: a record is in a row once.
    if (!this.bulk) changes.out.add(ref);
    changes.inRefs.push(ref);
    changes.inMinutes.push(minute);
  }

  /**
   * Writes the changes into the posting and vocabulary rows, each read and written once. Must run
   * inside a transaction over `postings` and `vocab` (the write transaction's own).
   */
  async flush(db: TaiwaDb): Promise<void> {
    if (!this.byKey.size) return;
    const entries = [...this.byKey.entries()].map(([key, changes]) => {
      const split = key.indexOf('\u0000');
      return { word: key.slice(split + 1), bucket: Number(key.slice(0, split)), changes };
    });
    this.byKey.clear();
    const words = [...new Set(entries.map((e) => e.word))];
    const [rows, vocabRows] = await Promise.all([
      db.postings.bulkGet(entries.map((e): PostingKey => [e.word, e.bucket])),
      db.vocab.bulkGet(words),
    ]);
    const vocab = new Map(words.map((w, i) => [w, vocabRows[i] ?? { w, n: 0, b: [] }]));
    const put: PostingRow[] = [];
    const gone: PostingKey[] = [];
    entries.forEach(({ word, bucket, changes }, i) => {
      const row = rows[i];
      const kept: Posting[] = [];
      if (row) {
        row.refs.split(' ').forEach((ref, j) => {
          if (!changes.out.has(ref)) kept.push({ ref, minute: row.minutes[j] ?? 0 });
        });
      }
      // New ones first, so that within a minute the later write comes first (the sort is stable).
      const added = changes.inRefs.map((ref, j) => ({ ref, minute: changes.inMinutes[j] ?? 0 }));
      const merged = [...added, ...kept].sort((a, b) => b.minute - a.minute);
      const entry = vocab.get(word) ?? { w: word, n: 0, b: [] };
      vocab.set(word, entry);
      entry.n += merged.length - (row ? row.minutes.length : 0);
      if (merged.length) {
        put.push({
          w: word,
          b: bucket,
          refs: merged.map((p) => p.ref).join(' '),
          minutes: merged.map((p) => p.minute),
        });
        if (!row) entry.b = insertSorted(entry.b, bucket);
      } else if (row) {
        gone.push([word, bucket]);
        entry.b = entry.b.filter((b) => b !== bucket);
      }
    });
    const vocabPut = [...vocab.values()].filter((v) => v.n > 0);
    const vocabGone = [...vocab.values()].filter((v) => v.n <= 0).map((v) => v.w);
    await Promise.all([
      put.length ? db.postings.bulkPut(put) : undefined,
      gone.length ? db.postings.bulkDelete(gone) : undefined,
      vocabPut.length ? db.vocab.bulkPut(vocabPut) : undefined,
      vocabGone.length ? db.vocab.bulkDelete(vocabGone) : undefined,
    ]);
  }
}

interface Posting {
  ref: string;
  minute: number;
}

function insertSorted(list: number[], value: number): number[] {
  if (list.includes(value)) return list;
  return [...list, value].sort((a, b) => a - b);
}

const INDEX_STALE = META_KEYS.searchStale;

/**
 * Builds the search structure afresh from every record, in one transaction (writes wait for it):
 * after the upgrade that introduced it, and after an import that stopped before its index was
 * written. Answers the number of records read.
 */
export async function rebuildSearchIndex(db: TaiwaDb): Promise<number> {
  return db.transaction('rw', [...SEARCH_TABLES, 'postings', 'vocab', 'meta'], async () => {
    await Promise.all([db.postings.clear(), db.vocab.clear()]);
    const changes = new IndexChanges(true);
    let read = 0;
    for (const table of SEARCH_TABLES) {
      await db.records(table).each((row) => {
        read++;
        changes.note(table, row.id, undefined, row as RecordOf<TableName>);
      });
    }
    await changes.flush(db);
    await db.meta.delete(INDEX_STALE);
    return read;
  });
}

let checking: Promise<void> | undefined;
/** Bulk writes going on in this worker: their words are not in yet, so no rebuild meanwhile. */
let bulkWrites = 0;

/** Holds off rebuilds while a bulk write runs here; call the answer when it ends. */
export function holdRebuilds(): () => void {
  bulkWrites++;
  let released = false;
  return () => {
    if (!released) bulkWrites--;
    released = true;
  };
}

/**
 * Rebuilds the search structure when it is marked stale (an upgrade, or a bulk write cut short);
 * search waits for it, so it never answers from a half-built one. Not while a bulk write runs in
 * this worker: the mark is then that write's own, and its words come when it ends.
 */
export function ensureSearchIndex(db: TaiwaDb): Promise<void> {
  checking ??= (async () => {
    if (!bulkWrites && (await db.meta.get(INDEX_STALE))) await rebuildSearchIndex(db);
  })().finally(() => {
    checking = undefined;
  });
  return checking;
}
