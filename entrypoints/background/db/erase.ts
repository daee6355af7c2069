import { TABLE_NAMES } from '@/utils/model/entities';
import { META_KEYS } from './meta-keys';
import { getLive, tombstone, type WriteContext } from './write';

/** Deletes a person and everything of theirs: meetings, notes, action items, goals. Final. */
export async function deletePerson(ctx: WriteContext, personId: string): Promise<void> {
  await getLive(ctx.db, 'people', personId);
  for (const table of ['meetings', 'notes', 'actions', 'goals'] as const) {
    const ids = await ctx.db.records(table).where('personId').equals(personId).primaryKeys();
    for (const id of ids) await tombstone(ctx, table, id);
  }
  await tombstone(ctx, 'people', personId);
}

/** Deletes everything the user wrote. Final; tombstones remain so sync deletes it elsewhere too. */
export async function deleteEverything(ctx: WriteContext): Promise<void> {
  for (const table of TABLE_NAMES) {
    const ids = await ctx.db.records(table).toCollection().primaryKeys();
    for (const id of ids) await tombstone(ctx, table, id);
  }
  // Unsaved note text journaled for recovery, what calls were said not to be 1on1s, the calendar
  // feed (its secret address too) and the reminders already shown go too.
  for (const prefix of [
    META_KEYS.draftPrefix,
    META_KEYS.callVerdictPrefix,
    META_KEYS.feedPrefix,
    META_KEYS.remindersPrefix,
  ]) {
    await ctx.db.meta.where('key').startsWith(prefix).delete();
  }
}
