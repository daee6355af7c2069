import Dexie, { type Table } from 'dexie';
import type { ActionItem, Goal, Meeting, Note } from '@/utils/model/entities';
import type {
  MeetingView,
  PersonHead,
  PersonOverview,
  PersonTimeline,
} from '@/utils/messaging/views';
import { orderAgenda, memberSide } from '@/utils/domain/agenda';
import { cadenceStatus } from '@/utils/domain/cadence';
import { carriedAgenda, openActionsFor } from '@/utils/domain/carry-over';
import { SIDES } from '@/utils/model/enums';
import type { TaiwaDb } from './database';
import { meetingAt, stripDerived } from './derive';
import { getLive, NotFoundError } from './write';

const WEEK = 7 * 86_400_000;

const live = <T extends { deleted: 0 | 1 }>(rows: T[]) => rows.filter((r) => !r.deleted);
const plain = <T extends Parameters<typeof stripDerived>[0]>(rows: T[]) =>
  live(rows).map((r) => stripDerived(r));

/**
 * Each person with their last held and next planned 1on1, open action count and cadence status.
 * Two table reads: the people and their figures, which every write keeps current (stats.ts).
 */
export async function peopleOverview(db: TaiwaDb, now: number): Promise<PersonOverview[]> {
  const [people, stats] = await db.transaction('r', [db.people, db.personStats], () =>
    Promise.all([db.people.toArray(), db.personStats.toArray()]),
  );
  const byPerson = new Map(stats.map((s) => [s.personId, s]));
  return live(people).map((row) => {
    const person = stripDerived<'people'>(row);
    const s = byPerson.get(person.id);
    const lastHeld = s?.held.find((h) => h.at <= now) ?? null;
    const nextPlanned = s?.planned.find((p) => p.at >= now) ?? null;
    return {
      person,
      lastHeld,
      nextPlanned,
      openActions: s?.openActions ?? 0,
      cadence: cadenceStatus(person.cadence, lastHeld?.at ?? null, now, nextPlanned?.at ?? null),
      upcoming: (s?.planned ?? []).filter((p) => p.at >= now && p.at < now + WEEK),
      conditions: (s?.held ?? []).map((h) => h.condition).reverse(),
    };
  });
}

/**
 * The head of a person's page, read apart so it shows before the history: the person, their
 * open action items and their goals (three indexed reads, no meetings or notes).
 */
export async function personHead(db: TaiwaDb, personId: string): Promise<PersonHead> {
  return db.transaction('r', [db.people, db.actions, db.goals], async () => {
    const person = await getLive(db, 'people', personId);
    const [open, goals] = await Promise.all([
      db.actions.where('[open+personId]').equals([1, personId]).toArray(),
      db.goals.where('personId').equals(personId).toArray(),
    ]);
    return {
      person: stripDerived<'people'>(person),
      actions: plain(open) as ActionItem[],
      goals: plain(goals) as Goal[],
    };
  });
}

/**
 * One page of a person's history, newest first: `limit` meetings before `before` with their notes
 * and action items, plus every open action item and goal. A five-year history is read a page at
 * a time as the user scrolls; `nextBefore` is where the next page starts (null at the end).
 * The first page also holds the chart points of every held 1on1 (small, and charted whole).
 */
export async function personTimeline(
  db: TaiwaDb,
  personId: string,
  page: { before?: number; limit?: number } = {},
): Promise<PersonTimeline> {
  const limit = page.limit ?? 20;
  const tables = [db.people, db.meetings, db.notes, db.actions, db.goals, db.personSeries];
  return db.transaction('r', tables, async () => {
    await getLive(db, 'people', personId);
    const meetings = await db.meetings
      .where('[personId+at]')
      .between([personId, Dexie.minKey], [personId, page.before ?? Dexie.maxKey], true, false)
      .reverse()
      .limit(limit + 1)
      .toArray();
    const shown = meetings.slice(0, limit);
    const ids = shown.map((m) => m.id);
    // One indexed getAll per meeting, in parallel: cheaper here than a cursor over anyOf().
    const perMeeting = <R>(table: Table<R, string>) =>
      Promise.all(ids.map((id) => table.where('meetingId').equals(id).toArray())).then((r) =>
        r.flat(),
      );
    const [notes, meetingActions, head, series] = await Promise.all([
      perMeeting(db.notes),
      perMeeting(db.actions),
      personHead(db, personId),
      page.before === undefined ? db.personSeries.get(personId) : undefined,
    ]);
    const fromMeetings = plain(meetingActions) as ActionItem[];
    const actions = new Map([...fromMeetings, ...head.actions].map((a) => [a.id, a]));
    return {
      person: head.person,
      meetings: plain(shown) as Meeting[],
      notes: plain(notes) as Note[],
      actions: [...actions.values()],
      goals: head.goals,
      nextBefore: meetings.length > limit ? (shown.at(-1)?.at ?? null) : null,
      series: series?.points ?? [],
    };
  });
}

/** Everything about one person at once, for the exports. */
export async function personHistory(db: TaiwaDb, personId: string): Promise<PersonTimeline> {
  return db.transaction('r', [db.people, db.meetings, db.notes, db.actions, db.goals], async () => {
    const person = await getLive(db, 'people', personId);
    const [meetings, notes, actions, goals] = await Promise.all([
      db.meetings.where('personId').equals(personId).toArray(),
      db.notes.where('personId').equals(personId).toArray(),
      db.actions.where('personId').equals(personId).toArray(),
      db.goals.where('personId').equals(personId).toArray(),
    ]);
    return {
      person: stripDerived<'people'>(person),
      meetings: (plain(meetings) as Meeting[]).sort((a, b) => meetingAt(b) - meetingAt(a)),
      notes: plain(notes) as Note[],
      actions: plain(actions) as ActionItem[],
      goals: plain(goals) as Goal[],
      nextBefore: null,
      series: [],
    };
  });
}

/** What the prep panel, the notes sidebar and the notes page show for one meeting. */
export async function meetingView(db: TaiwaDb, meetingId: string): Promise<MeetingView> {
  return db.transaction('r', [db.people, db.meetings, db.notes, db.actions], async () => {
    const meeting = stripDerived<'meetings'>(await getLive(db, 'meetings', meetingId));
    const [person, notes, meetings, open, here] = await Promise.all([
      db.people.get(meeting.personId),
      db.notes.where('meetingId').equals(meetingId).toArray(),
      db.meetings.where('personId').equals(meeting.personId).toArray(),
      db.actions.where('[open+personId]').equals([1, meeting.personId]).toArray(),
      db.actions.where('meetingId').equals(meetingId).toArray(),
    ]);
    if (!person || person.deleted) throw new NotFoundError('people', meeting.personId);
    const member = memberSide(person.relationship);
    const liveNotes = plain(notes) as Note[];
    return {
      meeting,
      person: stripDerived<'people'>(person),
      shared: liveNotes.find((n) => n.kind === 'shared') ?? null,
      private: liveNotes.find((n) => n.kind === 'private') ?? null,
      agenda: orderAgenda(meeting.agenda, member),
      carriedAgenda: orderAgenda(carriedAgenda(plain(meetings) as Meeting[], meeting), member),
      openActions: openActionsFor(plain(open) as ActionItem[], meeting.personId, meetingId),
      actions: plain(here) as ActionItem[],
      nextPlanned: nextPlannedAfter(plain(meetings) as Meeting[], meeting),
    };
  });
}

/** The person's next planned 1on1 after `meeting` (a recurring event already has it), if any. */
function nextPlannedAfter(meetings: Meeting[], meeting: Meeting): MeetingView['nextPlanned'] {
  const after = meeting.plannedStart ?? meeting.heldAt ?? meeting.createdAt;
  const next = meetings
    .filter((m) => m.id !== meeting.id && m.status === 'planned' && (m.plannedStart ?? 0) > after)
    .sort((a, b) => (a.plannedStart ?? 0) - (b.plannedStart ?? 0))[0];
  return next?.plannedStart ? { id: next.id, at: next.plannedStart } : null;
}

/** A person's done action items, the latest done first (the history page asks when shown). */
export async function doneActions(db: TaiwaDb, personId: string): Promise<ActionItem[]> {
  const rows = await db.actions.where('personId').equals(personId).toArray();
  return (plain(rows) as ActionItem[])
    .filter((a) => a.done)
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
}

/**
 * Open action items across people (optionally only one side's), due first. `skip` leaves some
 * out (archived people's) and `limit` stops after that many: the popup reads the first few only.
 */
export async function openActions(
  db: TaiwaDb,
  owner?: ActionItem['owner'],
  { skip, limit = Infinity }: { skip?: (a: ActionItem) => boolean; limit?: number } = {},
): Promise<ActionItem[]> {
  const owners = owner ? [owner] : SIDES;
  const rows = await Promise.all(
    owners.map((side) =>
      db.actions
        .where('[open+owner+dueKey]')
        .between([1, side, Dexie.minKey], [1, side, Dexie.maxKey])
        .filter((a) => !a.deleted && !skip?.(a))
        .limit(limit)
        .toArray(),
    ),
  );
  return (plain(rows.flat()) as ActionItem[])
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.createdAt - b.createdAt)
    .slice(0, limit);
}

/** How many open action items `owner` has, leaving out those of `except` people. */
export async function countOpenActions(
  db: TaiwaDb,
  owner: ActionItem['owner'],
  except: ReadonlySet<string>,
): Promise<number> {
  const all = await db.actions
    .where('[open+owner+dueKey]')
    .between([1, owner, Dexie.minKey], [1, owner, Dexie.maxKey])
    .count();
  const left = await Promise.all(
    [...except].map((personId) =>
      db.actions
        .where('[open+personId]')
        .equals([1, personId])
        .filter((a) => a.owner === owner)
        .count(),
    ),
  );
  return all - left.reduce((a, b) => a + b, 0);
}
