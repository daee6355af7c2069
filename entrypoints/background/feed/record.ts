import {
  classifyEvent,
  resolveCounterpart,
  type Guest,
  type Verdict,
} from '@/utils/domain/classify';
import { isForeignEventId } from '@/utils/feed/event-ids';
import type { FeedOccurrence, ParseWindow } from '@/utils/feed/ics';
import type { Meeting, Person, SeriesOverride } from '@/utils/model/entities';
import type { Settings } from '@/utils/settings';
import type { TaiwaDb } from '../db/database';
import { holdsSomething } from '../db/detection';
import { findMeetingByEvent, upsertMeetingFromCalendar } from '../db/meetings';
import { upsertPersonFromGoogle } from '../db/people';
import { saveRecord, tombstone, writeTransaction, type WriteContext } from '../db/write';
import { FEED_META, readRecorded, type RecordedEntry } from './store';

/** A feed occurrence found to be a 1on1, with the other person. */
export interface FeedOneOnOne {
  occurrence: FeedOccurrence;
  counterpart: Guest;
  reason: Verdict['reason'];
}

export interface ClassifyContext {
  selfEmail: string | null;
  keywords: readonly string[];
  /** The user's word on series, by series id (the same overrides the page applies). */
  seriesVerdicts: ReadonlyMap<string, 'always' | 'never'>;
  /** Each known person's own override, by address. */
  personOverrides: ReadonlyMap<string, Person['override']>;
}

/**
 * Which occurrences are 1on1s, by the very rules of the Calendar page (utils/domain/classify.ts):
 * the series' override, the person's, the title keywords, exactly two human guests (rooms and
 * groups left out). Left out as well: an occurrence the user declined, and one whose guest list
 * could not be read whole (a guest without an address could be the third person).
 */
export function classifyFeed(
  occurrences: readonly FeedOccurrence[],
  context: ClassifyContext,
): FeedOneOnOne[] {
  const self = context.selfEmail?.toLowerCase() ?? null;
  const found: FeedOneOnOne[] = [];
  for (const occurrence of occurrences) {
    if (occurrence.unreadableGuests) continue;
    if (self && occurrence.declined.includes(self)) continue;
    const other = resolveCounterpart(occurrence.guests, self, occurrence.organizerEmail);
    const verdict = classifyEvent(occurrence, {
      selfEmail: self,
      keywords: context.keywords,
      seriesVerdict: context.seriesVerdicts.get(occurrence.seriesId) ?? null,
      personOverride: other ? (context.personOverrides.get(other.email) ?? null) : null,
    });
    if (verdict.isOneOnOne && verdict.counterpart) {
      found.push({ occurrence, counterpart: verdict.counterpart, reason: verdict.reason });
    }
  }
  return found;
}

/**
 * What classifying needs from the database: the series' and people's overrides. Both tables are
 * read whole (the user sets a few overrides, and knows hundreds of people at most): cheaper than
 * asking for a thousand series by id.
 */
export async function readOverrides(
  db: TaiwaDb,
): Promise<Pick<ClassifyContext, 'seriesVerdicts' | 'personOverrides'>> {
  const [series, people] = await db.transaction('r', [db.seriesOverrides, db.people], () =>
    Promise.all([db.seriesOverrides.toArray(), db.people.toArray()]),
  );
  return {
    seriesVerdicts: new Map(
      series
        .filter((s): s is SeriesOverride & { deleted: 0 } => !s.deleted)
        .map((s) => [s.id, s.verdict]),
    ),
    personOverrides: new Map(
      people.filter((p) => !p.deleted && p.override !== 'auto').map((p) => [p.email, p.override]),
    ),
  };
}

export interface RecordOutcome {
  recorded: number;
  removed: number;
}

/**
 * Records the feed's 1on1s in one transaction, joining what the Calendar page records: a meeting
 * is found by the event id the page shows (event-ids.ts), else by the feed's own earlier record,
 * else by the person and start (an event whose page id cannot be derived, or a 1on1 noted by
 * hand); only then is one created. A meeting still to come follows the calendar (time, title,
 * Meet link); a held one keeps its record. A 1on1 the feed recorded that is gone from the window
 * (deleted, cancelled, declined, no longer a 1on1) is removed when nothing was written in it, and
 * marked cancelled when something was: nothing typed is lost.
 */
export async function recordFeedOneOnOnes(
  oneOnOnes: readonly FeedOneOnOne[],
  options: {
    settings: Settings;
    window: ParseWindow;
    /** Written in the same transaction (a new address is saved only with what it brought). */
    alsoWrite?: (ctx: WriteContext) => Promise<void>;
  },
): Promise<RecordOutcome> {
  return writeTransaction(async (ctx) => {
    await options.alsoWrite?.(ctx);
    const before = await readRecorded(ctx.db);
    const next: Record<string, RecordedEntry> = {};
    const claimed = new Set<string>();
    let recorded = 0;
    // Read at once: a read that changes nothing (most of them) then writes nothing and asks
    // for nothing more, and holds the database for as short as it can.
    const byEvent = new Map<string, Meeting>();
    const ids = oneOnOnes.map((o) => o.occurrence.eventId);
    for (const m of await ctx.db.meetings.where('eventId').anyOf(ids).toArray()) {
      if (!m.deleted && m.eventId) byEvent.set(m.eventId, m);
    }
    const emails = [...new Set(oneOnOnes.map((o) => o.counterpart.email))];
    const people = new Map<string, Person>();
    for (const p of await ctx.db.people.where('email').anyOf(emails).toArray()) {
      if (!p.deleted) people.set(p.email, p);
    }
    for (const { occurrence: o, counterpart } of oneOnOnes) {
      if (next[o.eventId]) continue;
      const known = people.get(counterpart.email);
      const newName = counterpart.name?.trim();
      const person =
        known && (known.nameEditedByUser || !newName || known.name === newName)
          ? known
          : await upsertPersonFromGoogle(ctx, counterpart, options.settings.defaultCadence);
      people.set(counterpart.email, person);
      const same = byEvent.get(o.eventId);
      if (
        same &&
        !claimed.has(same.id) &&
        same.status === 'planned' &&
        same.title === o.title &&
        same.plannedStart === o.start &&
        same.plannedEnd === o.end &&
        (!o.meetCode || same.meetCode === o.meetCode)
      ) {
        claimed.add(same.id);
        next[o.eventId] = { meetingId: same.id, start: o.start };
        recorded++;
        continue;
      }
      const found = same ?? (await findMeetingFor(ctx, o, person.id, before, claimed));
      let meeting: Meeting;
      // Cancelled by an earlier read, back in the calendar: planned again.
      const back = found?.status === 'cancelled' && before[o.eventId]?.cancelled;
      if (found) {
        meeting =
          found.status === 'planned' || back
            ? await saveRecord(ctx, 'meetings', found.id, {
                ...(back ? { status: 'planned' as const } : {}),
                title: o.title,
                plannedStart: o.start,
                plannedEnd: o.end,
                ...(o.meetCode ? { meetCode: o.meetCode } : {}),
                // A 1on1 noted by hand takes the event's ids: the page finds it from now on.
                ...(found.eventId ? {} : { eventId: o.eventId, seriesId: o.seriesId }),
              })
            : found;
      } else {
        meeting = await upsertMeetingFromCalendar(ctx, person.id, {
          eventId: o.eventId,
          seriesId: o.seriesId,
          title: o.title,
          start: o.start,
          end: o.end,
          meetCode: o.meetCode,
        });
      }
      claimed.add(meeting.id);
      next[o.eventId] = { meetingId: meeting.id, start: o.start };
      recorded++;
    }
    let removed = 0;
    for (const [eventId, entry] of Object.entries(before)) {
      if (next[eventId]) continue;
      // Before the window the feed no longer speaks for it: kept, and forgotten here.
      if (entry.start < options.window.from || claimed.has(entry.meetingId)) continue;
      const meeting = await ctx.db.meetings.get(entry.meetingId);
      if (!meeting || meeting.deleted) continue;
      if (meeting.status === 'cancelled' && entry.cancelled) next[eventId] = entry;
      if (meeting.status !== 'planned') continue;
      if (await holdsSomething(ctx, meeting)) {
        await saveRecord(ctx, 'meetings', meeting.id, { status: 'cancelled' });
        next[eventId] = { ...entry, cancelled: true };
      } else {
        await tombstone(ctx, 'meetings', meeting.id);
      }
      removed++;
    }
    await ctx.db.meta.put({ key: FEED_META.recorded, value: next });
    return { recorded, removed };
  });
}

async function findMeetingFor(
  ctx: WriteContext,
  o: FeedOccurrence,
  personId: string,
  before: Readonly<Record<string, RecordedEntry>>,
  claimed: ReadonlySet<string>,
): Promise<Meeting | undefined> {
  const byEvent = await findMeetingByEvent(ctx.db, o.eventId);
  if (byEvent) return byEvent;
  const earlier = before[o.eventId];
  if (earlier && !claimed.has(earlier.meetingId)) {
    const meeting = await ctx.db.meetings.get(earlier.meetingId);
    if (meeting && !meeting.deleted) return meeting;
  }
  // Same person, same start: a 1on1 noted by hand, or one whose ids cannot be matched (one of
  // the two is an id of the feed's own). Two different Google events are never joined.
  const foreign = isForeignEventId(o.eventId);
  const sameTime = await ctx.db.meetings
    .where('[personId+at]')
    .equals([personId, o.start])
    .toArray();
  return sameTime.find(
    (m) =>
      !m.deleted &&
      !claimed.has(m.id) &&
      m.plannedStart === o.start &&
      (m.eventId === null || isForeignEventId(m.eventId) !== foreign),
  );
}
