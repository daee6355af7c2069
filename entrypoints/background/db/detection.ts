import { activeKeywords, classifyEvent, resolveCounterpart } from '@/utils/domain/classify';
import type { Inputs } from '@/utils/messaging/inputs';
import type { Meeting } from '@/utils/model/entities';
import type { CalendarEventResult } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings';
import { upsertMeetingFromCalendar } from './meetings';
import { findPersonByEmail, upsertPersonFromGoogle } from './people';
import { tombstone, writeTransaction, type WriteContext } from './write';

/**
 * A calendar event the user opened: classified with their overrides and keywords; a 1on1 with a
 * known counterpart creates or updates the person and the planned meeting (Meet code included).
 */
export async function recordCalendarEvent(
  event: Inputs['recordCalendarEvent'],
  settings: Settings,
): Promise<CalendarEventResult> {
  return writeTransaction(async (ctx) => {
    const series = event.seriesId ? await ctx.db.seriesOverrides.get(event.seriesId) : undefined;
    // The person's own override needs the person first: who is the other guest?
    const other = resolveCounterpart(event.guests, event.selfEmail, event.organizerEmail);
    const known = other ? await findPersonByEmail(ctx.db, other.email) : undefined;
    const verdict = classifyEvent(event, {
      selfEmail: event.selfEmail,
      keywords: activeKeywords(settings),
      seriesVerdict: series && !series.deleted ? series.verdict : null,
      personOverride: known?.override ?? null,
    });
    if (!verdict.isOneOnOne || !verdict.counterpart) {
      return {
        isOneOnOne: verdict.isOneOnOne,
        reason: verdict.reason,
        personId: null,
        meetingId: null,
      };
    }
    const person = await upsertPersonFromGoogle(ctx, verdict.counterpart, settings.defaultCadence);
    const meeting = await upsertMeetingFromCalendar(ctx, person.id, event);
    return { isOneOnOne: true, reason: verdict.reason, personId: person.id, meetingId: meeting.id };
  });
}

/**
 * After "Not a 1on1": the series' planned meetings that hold nothing yet are removed. Anything
 * the user wrote (an agenda, notes, an action item) keeps its meeting: nothing typed is lost.
 */
export async function forgetEmptyPlanned(ctx: WriteContext, seriesId: string): Promise<void> {
  const meetings = await ctx.db.meetings.where('seriesId').equals(seriesId).toArray();
  for (const meeting of meetings) {
    if (meeting.deleted || meeting.status !== 'planned') continue;
    if (!(await holdsSomething(ctx, meeting))) await tombstone(ctx, 'meetings', meeting.id);
  }
}

/** Whether the user wrote anything in a meeting: an agenda, a note, an action item. */
export async function holdsSomething(ctx: WriteContext, meeting: Meeting): Promise<boolean> {
  if (meeting.agenda.length) return true;
  const [notes, actions] = await Promise.all([
    ctx.db.notes.where('meetingId').equals(meeting.id).toArray(),
    ctx.db.actions.where('meetingId').equals(meeting.id).toArray(),
  ]);
  return notes.some((n) => !n.deleted && n.text.trim()) || actions.some((a) => !a.deleted);
}
