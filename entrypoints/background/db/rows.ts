import type { RecordOf, TableName } from '@/utils/model/entities';
import type { SeenVersion } from '@/utils/domain/merge';
import type { SeriesPoint } from '@/utils/messaging/views';

/*
 * The shapes of the database's rows, apart from the database itself, so that the modules the
 * database uses (stats.ts) and the ones that use it can share them without importing each other.
 */

/** A stored row: the record plus fields derived from it for indexes (never exported or synced). */
export type Row<T extends TableName> = RecordOf<T> & {
  /** Before v8, the record's search words; dropped when the row is next written (stripDerived). */
  tokens?: string[];
  at?: number;
  open?: 0 | 1;
  /** An action item's due date, or NO_DUE (after every date): index keys cannot be null. */
  dueKey?: number;
  /** Only while `dirty`: the clock of the write that made it wait to be sent (sync's queue). */
  pending?: string;
};

/** Per-person figures kept up to date by every write, so the people overview reads two tables. */
export interface PersonStats {
  personId: string;
  /** The latest held 1on1s, newest first (a few). */
  held: { id: string; at: number; condition: number | null }[];
  /** Planned 1on1s from the time of the last write on, oldest first. */
  planned: { id: string; at: number }[];
  openActions: number;
}

/**
 * Every held 1on1 of a person as a chart point, oldest first, kept up to date meeting by meeting.
 * Apart from PersonStats, which every overview reads whole: these are long.
 */
export interface PersonSeries {
  personId: string;
  points: SeriesPoint[];
}

/** A note's text clock as last agreed with the sync server. */
export interface SyncBase {
  id: string;
  textHlc: string;
}

/** The newest version of a record seen on the sync server; `id` is `seenKey(table, id)`. */
export interface SeenRow extends SeenVersion {
  id: string;
}

/** The key of a record's {@link SeenRow}. */
export const seenKey = (table: TableName, id: string) => `${table}/${id}`;

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A word of the search vocabulary: how many postings it has, and in which months (ascending). */
export interface VocabRow {
  w: string;
  n: number;
  b: number[];
}

/**
 * The records holding word `w` in month `b` (search-index.ts), newest first: their refs joined by
 * spaces (one string is far smaller on disk than a list of them) and each one's minute.
 */
export interface PostingRow {
  w: string;
  b: number;
  refs: string;
  minutes: number[];
}

/**
 * What the sync server holds of a record, when it was last learnt by a push: its revision there
 * and the version of this device's record it holds. Kept apart from the record (sync/revs.ts),
 * so a push never rewrites a record and its indexes; the row's own `rev` and `dirty` are as the
 * record was last written, and this overrides them.
 */
export interface SyncRev {
  /** `seenKey(table, id)`. */
  k: string;
  rev: string;
  /** The record's `version` the server holds. */
  v: number;
}
