import { matchPersonByName, pickMeetingForCall } from '@/utils/domain/meet-match';
import type { Meeting } from '@/utils/model/entities';
import { createMeeting } from './meetings';
import type { TaiwaDb } from './database';
import { stripDerived } from './derive';
import { saveRecord, writeTransaction, type WriteContext } from './write';

export interface CallFacts {
  meetCode: string;
  title: string;
  /** Display names of the other participants (not the user). */
  otherNames: string[];
  /** When the user joined: the meeting's time if a new one is started. */
  at: number;
}

const NEAR_MS = 12 * 3_600_000;

/**
 * Whose 1on1 a Meet call is: by the Meet code a calendar event (or an earlier call) left on a
 * meeting, else by the other participant's name matching exactly one known person. Null when
 * neither tells: the sidebar then asks, and {@link meetingForPerson} remembers the answer. The
 * usual case (today's meeting has the code) only reads: the sidebar is waiting for it. Before the
 * call (`create` false) only that lookup is made: nothing is recorded for a call not joined.
 */
export async function resolveCallMeeting(
  db: TaiwaDb,
  call: CallFacts,
  create = true,
): Promise<Meeting | null> {
  const withCode = (await db.meetings.where('meetCode').equals(call.meetCode).toArray()).filter(
    (m) => !m.deleted,
  );
  const picked = pickMeetingForCall(withCode, call.at);
  if (picked.meeting) return stripDerived<'meetings'>(picked.meeting);
  if (!create) return null;
  let personId: string | null = null;
  if (picked.personId) {
    const person = await db.people.get(picked.personId);
    if (person && !person.deleted) personId = person.id;
  }
  if (!personId) {
    const people = (await db.people.toArray()).filter((p) => !p.deleted && !p.archived);
    personId = matchPersonByName(call.otherNames, people)?.id ?? null;
  }
  const found = personId;
  return found ? writeTransaction((ctx) => meetingForPerson(ctx, found, call)) : null;
}

/**
 * The meeting a call with `personId` is recorded in: one of theirs planned around now without
 * another call's code (an in-person plan moved to Meet, a calendar event without a link) takes
 * this call's code; otherwise a new meeting starts. Either way the code is remembered, so the
 * next call with it is recognised at once (recurring events keep their code).
 */
export async function meetingForPerson(
  ctx: WriteContext,
  personId: string,
  call: CallFacts,
): Promise<Meeting> {
  const near = await ctx.db.meetings
    .where('[personId+at]')
    .between([personId, call.at - NEAR_MS], [personId, call.at + NEAR_MS], true, true)
    .filter(
      (m) =>
        !m.deleted &&
        m.status === 'planned' &&
        (m.meetCode === null || m.meetCode === call.meetCode),
    )
    .first();
  if (near) return saveRecord(ctx, 'meetings', near.id, { meetCode: call.meetCode });
  return createMeeting(ctx, {
    personId,
    meetCode: call.meetCode,
    title: call.title,
    plannedStart: call.at,
  });
}
