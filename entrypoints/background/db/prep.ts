import Dexie from 'dexie';
import type { Goal, Template } from '@/utils/model/entities';
import { cadenceStatus } from '@/utils/domain/cadence';
import type { PrepEvent, PrepView } from '@/utils/messaging/views';
import type { TaiwaDb } from './database';
import { stripDerived } from './derive';
import { findMeetingByEvent } from './meetings';
import { meetingView } from './queries';

const TREND_LENGTH = 8;
const EXCERPT_LENGTH = 400;

/**
 * What the prep panel shows for a calendar event: the meeting (agenda, carried items, open
 * actions, private memo) and, for its person, the last held 1on1 with an excerpt of its shared
 * notes, the cadence, the condition trend, the goals to re-check, and the user's prompts.
 */
export async function prepView(
  db: TaiwaDb,
  event: PrepEvent | null,
  eventId: string,
  now: number,
  showNotEvaluationReminder: boolean,
): Promise<PrepView> {
  const prompts = (await db.templates.where('kind').equals('prompt').toArray())
    .filter((t) => !t.deleted)
    .map((t) => stripDerived<'templates'>(t) as Template);
  const found = await findMeetingByEvent(db, eventId);
  const empty: PrepView = {
    event,
    meeting: null,
    lastHeld: null,
    cadence: 'no-cadence',
    conditionTrend: [],
    goals: [],
    prompts,
    showNotEvaluationReminder,
  };
  // A meeting the user said is not a 1on1 stays in the history but gets no prep.
  if (!found || (event && !event.isOneOnOne)) return empty;
  const meeting = await meetingView(db, found.id);
  const personId = meeting.person.id;
  const recent = await db.meetings
    .where('[personId+at]')
    .between([personId, Dexie.minKey], [personId, now], true, true)
    .reverse()
    .limit(60)
    .toArray();
  const held = recent.filter((m) => !m.deleted && m.status === 'held' && m.id !== found.id);
  const last = held[0];
  const lastShared = last
    ? (await db.notes.where('[meetingId+kind]').equals([last.id, 'shared']).toArray()).find(
        (n) => !n.deleted,
      )
    : undefined;
  const next = await db.personStats.get(personId);
  const goals = (await db.goals.where('personId').equals(personId).toArray())
    .filter((g) => !g.deleted && g.status === 'active')
    .map((g) => stripDerived<'goals'>(g) as Goal);
  const lastAt = last ? (last.heldAt ?? last.at ?? last.createdAt) : null;
  return {
    ...empty,
    meeting,
    lastHeld:
      last && lastAt !== null
        ? {
            id: last.id,
            at: lastAt,
            sharedExcerpt: lastShared?.text.trim().slice(0, EXCERPT_LENGTH) || null,
          }
        : null,
    cadence: cadenceStatus(
      meeting.person.cadence,
      lastAt,
      now,
      next?.planned.find((p) => p.at >= now)?.at ?? null,
    ),
    conditionTrend: held
      .slice(0, TREND_LENGTH)
      .reverse()
      .map((m) => ({
        meetingId: m.id,
        at: m.heldAt ?? m.at ?? m.createdAt,
        condition: m.condition,
      })),
    goals,
  };
}
