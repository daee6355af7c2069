import Dexie, { type Table } from 'dexie';
import type { PersonStats, Row } from './database';

const HELD_KEPT = 5;
const PLANNED_KEPT = 100;

export interface StatsTables {
  meetings: Table<Row<'meetings'>, string>;
  actions: Table<Row<'actions'>, string>;
  personStats: Table<PersonStats, string>;
}

/**
 * Recomputes the overview figures of each person in `personIds`, inside the caller's transaction.
 * Cheap on purpose: a short reverse walk for the latest held 1on1s, the planned ones from now on,
 * and an index count of open action items.
 */
export async function refreshStats(
  tables: StatsTables,
  personIds: Iterable<string>,
  now: number,
): Promise<void> {
  for (const personId of personIds) {
    const byTime = tables.meetings.where('[personId+at]');
    const [held, upcoming, openActions] = await Promise.all([
      byTime
        .between([personId, Dexie.minKey], [personId, now], true, true)
        .reverse()
        .filter((m) => m.status === 'held' && !m.deleted)
        .limit(HELD_KEPT)
        .toArray(),
      byTime.between([personId, now], [personId, Dexie.maxKey], false, true).toArray(),
      tables.actions.where('[open+personId]').equals([1, personId]).count(),
    ]);
    await tables.personStats.put({
      personId,
      held: held.map((m) => ({ id: m.id, at: m.heldAt ?? m.at ?? 0, condition: m.condition })),
      planned: upcoming
        .filter((m) => m.status === 'planned' && !m.deleted)
        .slice(0, PLANNED_KEPT)
        .map((m) => ({ id: m.id, at: m.at ?? 0 })),
      openActions,
    });
  }
}
