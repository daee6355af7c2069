import Dexie, { type Table, type Transaction } from 'dexie';
import { TABLES, type TableName } from '@/utils/model/entities';
import { versionOf } from '@/utils/domain/merge';
import { deriveFields } from './derive';
import { refreshStats } from './stats';
import {
  seenKey,
  type MetaRow,
  type PostingRow,
  type PersonSeries,
  type PersonStats,
  type Row,
  type SeenRow,
  type SyncBase,
  type SyncRev,
  type VocabRow,
} from './rows';
import { META_KEYS } from './meta-keys';

export * from './rows';

export const DB_NAME = 'taiwa';

/** The tables as of v5 (sync's per-record newest versions), unchanged since. */
const V5_TABLES = {
  people: 'id, email, pending',
  meetings: 'id, personId, eventId, seriesId, meetCode, [personId+at], at, pending, *tokens',
  notes: 'id, meetingId, personId, [meetingId+kind], pending, *tokens',
  actions: 'id, personId, meetingId, [open+personId], [open+owner+dueKey], pending, *tokens',
  goals: 'id, personId, pending',
  templates: 'id, kind, pending',
  seriesOverrides: 'id, pending',
  meta: 'key',
  personStats: 'personId',
  personSeries: 'personId',
  syncBase: 'id',
  syncSeen: 'id',
};

/**
 * Schema history. A released version is never edited: add the next one with its upgrade, and a
 * test in tests/unit/db-migrations.test.ts that opens data written by the previous version.
 */
export const SCHEMAS = {
  1: {
    people: 'id, email, dirty',
    meetings: 'id, personId, eventId, seriesId, meetCode, plannedStart, dirty',
    notes: 'id, meetingId, personId, [meetingId+kind], dirty',
    actions: 'id, personId, meetingId, dirty',
    goals: 'id, personId, dirty',
    templates: 'id, kind, dirty',
    seriesOverrides: 'id, dirty',
    meta: 'key',
  },
  // v2: search words (multiEntry, time-ordered), the meeting time and the open-action flag as
  // indexes, and per-person figures, so the overview and search never scan whole tables.
  2: {
    people: 'id, email, dirty',
    meetings: 'id, personId, eventId, seriesId, meetCode, [personId+at], at, dirty, *tokens',
    notes: 'id, meetingId, personId, [meetingId+kind], dirty, *tokens',
    actions: 'id, personId, meetingId, [open+personId], dirty, *tokens',
    goals: 'id, personId, dirty',
    templates: 'id, kind, dirty',
    seriesOverrides: 'id, dirty',
    meta: 'key',
    personStats: 'personId',
  },
  // v3: open action items by owner and due date (the popup's "what I promised" reads the first
  // few), each person's chart points kept ready, and goals' re-check history.
  3: {
    people: 'id, email, dirty',
    meetings: 'id, personId, eventId, seriesId, meetCode, [personId+at], at, dirty, *tokens',
    notes: 'id, meetingId, personId, [meetingId+kind], dirty, *tokens',
    actions: 'id, personId, meetingId, [open+personId], [open+owner+dueKey], dirty, *tokens',
    goals: 'id, personId, dirty',
    templates: 'id, kind, dirty',
    seriesOverrides: 'id, dirty',
    meta: 'key',
    personStats: 'personId',
    personSeries: 'personId',
  },
  // v4: sync. Records waiting to be sent carry `pending`, the clock of the write that made them
  // wait; sync reads them in that order from where it last stopped. (Indexing the `dirty` flag
  // made every run start over the entries just cleared, which IndexedDB steps over until it
  // compacts: measured ~150-200 ms per read after an initial sync.) And for each synced note,
  // the clock of its text as the server last had it, so sync tells a note edited on both devices
  // (joined, no text lost) from one edited on one side only.
  4: {
    people: 'id, email, pending',
    meetings: 'id, personId, eventId, seriesId, meetCode, [personId+at], at, pending, *tokens',
    notes: 'id, meetingId, personId, [meetingId+kind], pending, *tokens',
    actions: 'id, personId, meetingId, [open+personId], [open+owner+dueKey], pending, *tokens',
    goals: 'id, personId, pending',
    templates: 'id, kind, pending',
    seriesOverrides: 'id, pending',
    meta: 'key',
    personStats: 'personId',
    personSeries: 'personId',
    syncBase: 'id',
  },
  // v5: per synced record, the newest version this device has seen on the sync server, so a
  // server that serves an older copy again (a restored backup, a withheld deletion) is noticed.
  5: V5_TABLES,
  // v6: the same tables; search words derived again, since they now include the words Firefox's
  // segmenter calls no words (a kanji word before a space or at the end: see tokenize.ts), which
  // records written in Firefox before were never found by.
  // (Dexie needs each version's tables: v6 and v7 keep v5's.)
  6: V5_TABLES,
  // v7: no new index. Per person, the language of messages sent to them and how the user shares
  // with them; per meeting, when its agenda and its recap were last sent. Rows written before
  // get the fields as null (the upgrade below), so every stored record matches its schema.
  7: V5_TABLES,
  // v8: search as its own structure (search-index.ts): a vocabulary with prefix lookup and, per
  // word and month, one row packing the records that hold it. The records lose their multi-entry
  // word index, which cost every write ~11 µs a word and could not rule out by a word's start.
  // And what a push learnt (the server's revision) kept apart from the records (rows.ts SyncRev).
  8: {
    ...V5_TABLES,
    meetings: 'id, personId, eventId, seriesId, meetCode, [personId+at], at, pending',
    notes: 'id, meetingId, personId, [meetingId+kind], pending',
    actions: 'id, personId, meetingId, [open+personId], [open+owner+dueKey], pending',
    vocab: 'w',
    postings: '[w+b]',
    syncRevs: 'k',
  },
} as const;

export const CURRENT_VERSION = 8;

/**
 * Taiwa's IndexedDB database. Opened by the background service worker only
 * (docs/architecture.md § Layers, rule 3).
 */
export class TaiwaDb extends Dexie {
  people!: Table<Row<'people'>, string>;
  meetings!: Table<Row<'meetings'>, string>;
  notes!: Table<Row<'notes'>, string>;
  actions!: Table<Row<'actions'>, string>;
  goals!: Table<Row<'goals'>, string>;
  templates!: Table<Row<'templates'>, string>;
  seriesOverrides!: Table<Row<'seriesOverrides'>, string>;
  meta!: Table<MetaRow, string>;
  personStats!: Table<PersonStats, string>;
  personSeries!: Table<PersonSeries, string>;
  syncBase!: Table<SyncBase, string>;
  syncSeen!: Table<SeenRow, string>;
  vocab!: Table<VocabRow, string>;
  postings!: Table<PostingRow, [string, number]>;
  syncRevs!: Table<SyncRev, string>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMAS[1]);
    this.version(2).stores(SCHEMAS[2]).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMAS[3]).upgrade(upgradeToV3);
    this.version(4).stores(SCHEMAS[4]).upgrade(upgradeToV4);
    this.version(5).stores(SCHEMAS[5]).upgrade(upgradeToV5);
    this.version(6).stores(SCHEMAS[6]).upgrade(upgradeToV6);
    this.version(7).stores(SCHEMAS[7]).upgrade(upgradeToV7);
    this.version(8).stores(SCHEMAS[8]).upgrade(upgradeToV8);
  }

  /** The table of a synced record type. */
  records<T extends TableName>(table: T): Table<Row<T>, string> {
    return this.table(table);
  }
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  await backfillDerivedFields(tx, ['meetings', 'notes', 'actions']);
  await refreshAllStats(tx, false);
}

async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table('goals')
    .toCollection()
    .modify((goal: { reviews?: unknown }) => {
      goal.reviews ??= [];
    });
  await backfillDerivedFields(tx, ['actions']);
  await refreshAllStats(tx, true);
}

async function upgradeToV4(tx: Transaction): Promise<void> {
  for (const table of Object.keys(TABLES) as TableName[]) {
    await tx
      .table(table)
      .toCollection()
      .modify((row: Row<TableName>) => {
        if (row.dirty) row.pending = row.hlc || '0';
      });
  }
}

/**
 * A record that is clean and has a server revision is, as it stands here, the version the server
 * last had (sent from here, or pulled and merged with nothing of this device's left to send):
 * that is what this device has seen, and protection starts from the first run after the update.
 */
async function upgradeToV5(tx: Transaction): Promise<void> {
  for (const table of Object.keys(TABLES) as TableName[]) {
    const seen: SeenRow[] = [];
    await tx
      .table(table)
      .toCollection()
      .each((row: Row<TableName>) => {
        if (!row.dirty && row.rev) seen.push({ id: seenKey(table, row.id), ...versionOf(row) });
      });
    await tx.table('syncSeen').bulkPut(seen);
  }
}

async function upgradeToV6(tx: Transaction): Promise<void> {
  await backfillDerivedFields(tx, ['meetings', 'notes', 'actions']);
}

/**
 * The sharing fields, null on every row written before them (tombstones too). Nothing else
 * changes: the record's clocks stay, so sync sees no new write and sends nothing.
 */
async function upgradeToV7(tx: Transaction): Promise<void> {
  await tx
    .table('people')
    .toCollection()
    .modify((person: { language?: unknown; shareVia?: unknown }) => {
      person.language ??= null;
      person.shareVia ??= null;
    });
  await tx
    .table('meetings')
    .toCollection()
    .modify((meeting: { agendaSentAt?: unknown; recapSentAt?: unknown }) => {
      meeting.agendaSentAt ??= null;
      meeting.recapSentAt ??= null;
    });
}

/**
 * The search structure is built by the first search or the background's start after the upgrade
 * (search-index.ts `ensureSearchIndex`), in a transaction of its own: Dexie's upgrade
 * transaction would hold the whole database while 200,000 records are read and tokenised. The
 * words stored on each row before stay until the row is next written (stripDerived drops them):
 * rewriting every row here would cost as much again.
 */
async function upgradeToV8(tx: Transaction): Promise<void> {
  await tx.table('meta').put({ key: META_KEYS.searchStale, value: true });
}

async function backfillDerivedFields(
  tx: Transaction,
  tables: readonly ('meetings' | 'notes' | 'actions')[],
): Promise<void> {
  for (const table of tables) {
    await tx
      .table(table)
      .toCollection()
      .modify((row: Row<typeof table>) => {
        Object.assign(row, deriveFields(table, row));
      });
  }
}

/** Every person's figures (and, from v3 on, chart points) computed afresh. */
async function refreshAllStats(tx: Transaction, withSeries: boolean): Promise<void> {
  const people = (await tx.table('people').toCollection().primaryKeys()) as string[];
  await refreshStats(
    {
      meetings: tx.table('meetings'),
      actions: tx.table('actions'),
      personStats: tx.table('personStats'),
      ...(withSeries ? { personSeries: tx.table('personSeries') } : {}),
    },
    people,
    Date.now(),
  );
}

let instance: TaiwaDb | undefined;

/**
 * The database. Dexie opens lazily on first use, so a service worker woken for any event pays
 * for the open only when it actually reads or writes.
 */
export function getDb(): TaiwaDb {
  instance ??= new TaiwaDb();
  return instance;
}

/** Tests swap in a fresh database per test. */
export function setDbForTests(db: TaiwaDb | undefined): void {
  instance = db;
}
