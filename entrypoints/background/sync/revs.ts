import type { SyncRev } from '../db/rows';

/** A record's sync bookkeeping as it stands: the row's, unless a later push learnt more. */
export interface SyncedState {
  rev: string | null;
  dirty: 0 | 1;
}

/**
 * Whether a record still waits to be sent, and the server revision a push must name. A push
 * stores what it learnt in `syncRevs` (the server's revision, and the version it holds) instead
 * of rewriting the record: the record waits as long as it has changed since that version.
 */
export function syncedState(
  row: { rev: string | null; dirty: 0 | 1; version: number },
  pushed: SyncRev | undefined,
): SyncedState {
  if (!pushed) return { rev: row.rev, dirty: row.dirty };
  return { rev: pushed.rev, dirty: row.dirty && row.version !== pushed.v ? 1 : 0 };
}
