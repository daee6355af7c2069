import type { RecordOf, TableName } from '@/utils/model/entities';

/** The due-date key of an action item without one: after every date. */
export const NO_DUE = 8.64e15;

type Derived = { at?: number; open?: 0 | 1; dueKey?: number; pending?: string };

/**
 * Fields computed from a record for the indexes. Recomputed on every write and on import. A
 * record waiting to be sent is queued under its write's clock, which on this device only grows.
 */
export function deriveFields(table: TableName, record: RecordOf<TableName>): Derived {
  const derived = indexFields(table, record);
  return record.dirty ? { ...derived, pending: record.hlc || '0' } : derived;
}

function indexFields(table: TableName, record: RecordOf<TableName>): Derived {
  if (record.deleted) return table === 'actions' ? { open: 0 } : {};
  switch (table) {
    case 'meetings':
      return { at: meetingAt(record as RecordOf<'meetings'>) };
    case 'actions': {
      const a = record as RecordOf<'actions'>;
      return { open: a.done ? 0 : 1, dueKey: a.due ?? NO_DUE };
    }
    default:
      return {};
  }
}

/** When a meeting is, for its index and its search postings: planned, else held, else created. */
export function meetingAt(m: RecordOf<'meetings'>): number {
  return m.plannedStart ?? m.heldAt ?? m.createdAt;
}

/** A row as a plain record again: derived fields dropped. */
export function stripDerived<T extends TableName>(
  row: RecordOf<T> & {
    tokens?: unknown;
    at?: unknown;
    open?: unknown;
    dueKey?: unknown;
    pending?: unknown;
  },
): RecordOf<T> {
  const { tokens, at, open, dueKey, pending, ...record } = row;
  return record as unknown as RecordOf<T>;
}
