import Dexie, { type Table } from 'dexie';
import type { Meeting } from '@/utils/model/entities';
import type { SeriesPoint } from '@/utils/messaging/views';
import { selfShare } from '@/utils/domain/talk-share';
import type { PersonSeries, PersonStats, Row } from './rows';

const HELD_KEPT = 5;
const PLANNED_KEPT = 100;

export interface StatsTables {
  meetings: Table<Row<'meetings'>, string>;
  actions: Table<Row<'actions'>, string>;
  personStats: Table<PersonStats, string>;
  /** Absent only while upgrading to v2, before the table existed. */
  personSeries?: Table<PersonSeries, string>;
}

/**
 * Recomputes the overview figures of each person in `personIds`, inside the caller's transaction.
 * Cheap on purpose: a short reverse walk for the latest held 1on1s, the planned ones from now on,
 * and an index count of open action items. The chart points change only for the meetings this
 * write `touched` (all of them are read only when a person has no points yet, or no `touched` is
 * given: on an upgrade).
 */
export async function refreshStats(
  tables: StatsTables,
  personIds: Iterable<string>,
  now: number,
  touched?: ReadonlyMap<string, Meeting>,
): Promise<void> {
  for (const personId of personIds) {
    if (tables.personSeries) await refreshSeries(tables, tables.personSeries, personId, touched);
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

async function refreshSeries(
  tables: StatsTables,
  personSeries: Table<PersonSeries, string>,
  personId: string,
  touched: ReadonlyMap<string, Meeting> | undefined,
): Promise<void> {
  const previous = touched && (await personSeries.get(personId));
  const points = previous
    ? updateSeries(previous.points, personId, touched)
    : await readSeries(tables.meetings, personId);
  if (points !== previous?.points) await personSeries.put({ personId, points });
}

/** A held 1on1 as a chart point: condition, usefulness and the user's share of talk time. */
function seriesPoint(m: Meeting): SeriesPoint {
  const share = selfShare(m.talkSelfMs, m.talkOthersMs);
  return {
    meetingId: m.id,
    at: m.heldAt ?? m.plannedStart ?? m.createdAt,
    condition: m.condition,
    rating: m.rating,
    talkSelfPercent: share === null ? null : Math.round(share),
  };
}

const charted = (m: Meeting) => m.status === 'held' && !m.deleted;
const byTime = (a: SeriesPoint, b: SeriesPoint) => a.at - b.at;

async function readSeries(
  meetings: Table<Row<'meetings'>, string>,
  personId: string,
): Promise<SeriesPoint[]> {
  const rows = await meetings.where('personId').equals(personId).toArray();
  return rows.filter(charted).map(seriesPoint).sort(byTime);
}

/** The points with the touched meetings taken out and put back as they are now. */
function updateSeries(
  series: SeriesPoint[],
  personId: string,
  touched: ReadonlyMap<string, Meeting>,
): SeriesPoint[] {
  const kept = series.filter((p) => !touched.has(p.meetingId));
  const now = [...touched.values()].filter((m) => m.personId === personId && charted(m));
  return now.length || kept.length !== series.length
    ? [...kept, ...now.map(seriesPoint)].sort(byTime)
    : series;
}
