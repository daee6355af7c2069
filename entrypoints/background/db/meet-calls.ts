import { matchPersonByName, pickMeetingForCall } from '@/utils/domain/meet-match';
import type { Meeting } from '@/utils/model/entities';
import { createMeeting } from './meetings';
import { META_KEYS } from './meta-keys';
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
 * Whose 1on1 a Meet call is, by its Meet code alone: a 1on1 calendar event or a call the user
 * confirmed left it on a meeting. Null when the code is unknown: the sidebar then asks (see
 * {@link suggestPerson}), and {@link meetingForPerson} remembers the answer. The usual case
 * (today's meeting has the code) only reads: the sidebar is waiting for it. Before the call
 * (`create` false) only that lookup is made: nothing is recorded for a call not joined.
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
  if (!create || !picked.personId) return null;
  const person = await db.people.get(picked.personId);
  if (!person || person.deleted) return null;
  return writeTransaction((ctx) => meetingForPerson(ctx, person.id, call));
}

/**
 * Who an unknown call might be with: only when there is exactly one other participant and their
 * name matches exactly one known person. Never an answer, only a question for the user ("Is this
 * your 1on1 with Aiko?"): a team call can have a guest named like a report, and nothing of that
 * person may be shown, nor anything written, on a guess. Reads only.
 */
export async function suggestPerson(
  db: TaiwaDb,
  call: CallFacts,
): Promise<{ personId: string; name: string } | null> {
  if (call.otherNames.length !== 1) return null;
  const people = (await db.people.toArray()).filter((p) => !p.deleted && !p.archived);
  const person = matchPersonByName(call.otherNames, people);
  // Asked with the name Meet shows (on a screen others may see), not the one the user stored.
  return person ? { personId: person.id, name: call.otherNames[0] ?? '' } : null;
}

/** Meet codes the user said are not 1on1s (a team's standing link): never asked about again. */
const verdictKey = (meetCode: string) => `${META_KEYS.callVerdictPrefix}${meetCode}`;

export async function isNotOneOnOne(db: TaiwaDb, meetCode: string): Promise<boolean> {
  return (await db.meta.get(verdictKey(meetCode)))?.value === 'not-1on1';
}

export async function setNotOneOnOne(db: TaiwaDb, meetCode: string, not: boolean): Promise<void> {
  if (not) await db.meta.put({ key: verdictKey(meetCode), value: 'not-1on1' });
  else await db.meta.delete(verdictKey(meetCode));
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
