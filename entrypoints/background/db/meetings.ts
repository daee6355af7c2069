import type { AgendaItem, Content, Meeting } from '@/utils/model/entities';
import { isForeignEventId } from '@/utils/feed/event-ids';
import type { TaiwaDb } from './database';
import { getLive, saveRecord, type WriteContext } from './write';

export interface CalendarMeetingFacts {
  eventId: string;
  seriesId: string | null;
  title: string;
  start: number | null;
  end: number | null;
  meetCode: string | null;
}

/** The live meeting for a calendar event (instance) id. */
export async function findMeetingByEvent(
  db: TaiwaDb,
  eventId: string,
): Promise<Meeting | undefined> {
  return (await db.meetings.where('eventId').equals(eventId).toArray()).find((m) => !m.deleted);
}

/** The most recent live meeting using a Meet code (recurring events keep their code). */
export async function findMeetingByMeetCode(
  db: TaiwaDb,
  meetCode: string,
): Promise<Meeting | undefined> {
  const all = await db.meetings.where('meetCode').equals(meetCode).toArray();
  return all.filter((m) => !m.deleted).sort((a, b) => (b.at ?? 0) - (a.at ?? 0))[0];
}

/**
 * The live meeting with `personId` at `start` that the calendar feed recorded under an id of its
 * own (`ical:…`: an event Google did not make, whose page id cannot be derived from the feed).
 */
export async function findFeedTwin(
  db: TaiwaDb,
  personId: string,
  start: number,
): Promise<Meeting | undefined> {
  const rows = await db.meetings.where('[personId+at]').equals([personId, start]).toArray();
  return rows.find((m) => !m.deleted && m.plannedStart === start && isForeignEventId(m.eventId));
}

/**
 * Records a calendar 1on1 as a planned meeting, or updates it when the event moved, was renamed
 * or got a Meet link. Keyed by event id, so a moved meeting stays the same meeting. A meeting the
 * calendar feed recorded for the same person and start under an id of its own is this event:
 * it takes the page's id (feed/record.ts joins it again by its own).
 */
export async function upsertMeetingFromCalendar(
  ctx: WriteContext,
  personId: string,
  facts: CalendarMeetingFacts,
): Promise<Meeting> {
  // What the page did not show (the edit page has no times; a chip has no Meet link) is kept.
  const fields = {
    title: facts.title,
    seriesId: facts.seriesId,
    ...(facts.start !== null ? { plannedStart: facts.start } : {}),
    ...(facts.end !== null ? { plannedEnd: facts.end } : {}),
    ...(facts.meetCode ? { meetCode: facts.meetCode } : {}),
  };
  const existing = await findMeetingByEvent(ctx.db, facts.eventId);
  if (existing) return saveRecord(ctx, 'meetings', existing.id, fields);
  const twin =
    facts.start !== null && !isForeignEventId(facts.eventId)
      ? await findFeedTwin(ctx.db, personId, facts.start)
      : undefined;
  if (twin) return saveRecord(ctx, 'meetings', twin.id, { ...fields, eventId: facts.eventId });
  return saveRecord(
    ctx,
    'meetings',
    null,
    { ...fields, personId, eventId: facts.eventId },
    { create: true },
  );
}

/** A meeting added by hand: an in-person or ad-hoc 1on1. */
export async function createMeeting(
  ctx: WriteContext,
  fields: Partial<Content<Meeting>> & { personId: string },
): Promise<Meeting> {
  await getLive(ctx.db, 'people', fields.personId);
  return saveRecord(ctx, 'meetings', null, fields, { create: true });
}

/** Edits a meeting; marking it held stamps when, unless a time is given. */
export async function updateMeeting(
  ctx: WriteContext,
  id: string,
  patch: Partial<Content<Meeting>>,
): Promise<Meeting> {
  const existing = await ctx.db.meetings.get(id);
  const heldNow =
    patch.status === 'held' && existing && !existing.heldAt && patch.heldAt === undefined
      ? { heldAt: ctx.now }
      : {};
  return saveRecord(ctx, 'meetings', id, { ...patch, ...heldNow });
}

/**
 * Adds or replaces one agenda item. Views send single items rather than whole agendas, so the
 * panel and the sidebar editing the same meeting never overwrite each other's topics.
 */
export async function saveAgendaItem(
  ctx: WriteContext,
  meetingId: string,
  item: AgendaItem,
): Promise<Meeting> {
  const meeting = await getLive(ctx.db, 'meetings', meetingId);
  const at = meeting.agenda.findIndex((i) => i.id === item.id);
  const agenda =
    at === -1 ? [...meeting.agenda, item] : meeting.agenda.map((i, n) => (n === at ? item : i));
  return saveRecord(ctx, 'meetings', meetingId, { agenda });
}

export async function deleteAgendaItem(
  ctx: WriteContext,
  meetingId: string,
  itemId: string,
): Promise<Meeting> {
  const meeting = await getLive(ctx.db, 'meetings', meetingId);
  return saveRecord(ctx, 'meetings', meetingId, {
    agenda: meeting.agenda.filter((i) => i.id !== itemId),
  });
}
