import type { RecordOf, TableName } from '@/utils/model/entities';
import { tokenize } from '@/utils/domain/tokenize';

/** Fields computed from a record for the indexes. Recomputed on every write and on import. */
export function deriveFields(
  table: TableName,
  record: RecordOf<TableName>,
): { tokens?: string[]; at?: number; open?: 0 | 1 } {
  if (record.deleted) return { tokens: [], ...(table === 'actions' ? { open: 0 } : {}) };
  switch (table) {
    case 'meetings': {
      const m = record as RecordOf<'meetings'>;
      return {
        tokens: tokenize([m.title, ...m.agenda.map((i) => i.text)].join('\n')),
        at: m.plannedStart ?? m.heldAt ?? m.createdAt,
      };
    }
    case 'notes':
      return { tokens: tokenize((record as RecordOf<'notes'>).text) };
    case 'actions': {
      const a = record as RecordOf<'actions'>;
      return { tokens: tokenize(a.text), open: a.done ? 0 : 1 };
    }
    default:
      return {};
  }
}

/** A row as a plain record again: derived fields dropped. */
export function stripDerived<T extends TableName>(
  row: RecordOf<T> & { tokens?: unknown; at?: unknown; open?: unknown },
): RecordOf<T> {
  const { tokens, at, open, ...record } = row;
  return record as unknown as RecordOf<T>;
}
