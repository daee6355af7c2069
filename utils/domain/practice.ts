import type { Cadence, Meeting } from '@/utils/model/entities';
import { cadenceStatus } from './cadence';
import { selfShare } from './talk-share';

/** What the practice dashboard needs of a meeting. */
export type PracticeMeeting = Pick<
  Meeting,
  'personId' | 'status' | 'heldAt' | 'rating' | 'talkSelfMs' | 'talkOthersMs'
> & { at: number };

export interface PracticePerson {
  id: string;
  cadence: Cadence;
  createdAt: number;
  archived: boolean;
}

/** One month of the user's own 1on1 practice. */
export interface PracticeMonth {
  /** The month's first moment (local time). */
  start: number;
  /** 1on1s set for the month: planned, held or skipped (cancelled ones do not count). */
  scheduled: number;
  held: number;
  /** The user's average share of talk time in held 1on1s that measured it, in percent. */
  talkSelfPercent: number | null;
  talkMeasured: number;
  /** The average usefulness rating (1–5) of held 1on1s that were rated. */
  rating: number | null;
  rated: number;
  /** People overdue by their cadence at the month's end (or now, for this month). */
  overdue: number;
}

const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;

/**
 * The user's practice month by month (PDCA on their own 1on1s): held against scheduled, talk
 * share against the target, usefulness, and who was overdue. `monthStarts` are ascending, each
 * the start of a month; `meetings` must reach back far enough before the first month for the
 * longest cadence (three months) so the first month's overdue count is right.
 */
export function practiceByMonth(
  meetings: readonly PracticeMeeting[],
  people: readonly PracticePerson[],
  monthStarts: readonly number[],
  now: number,
): PracticeMonth[] {
  const heldAt = (m: PracticeMeeting) => m.heldAt ?? m.at;
  const held = meetings.filter((m) => m.status === 'held');
  const heldByPerson = new Map<string, number[]>();
  for (const m of held) {
    const list = heldByPerson.get(m.personId) ?? [];
    list.push(heldAt(m));
    heldByPerson.set(m.personId, list);
  }
  for (const list of heldByPerson.values()) list.sort((a, b) => a - b);
  const active = people.filter((p) => !p.archived && p.cadence !== 'none');

  return monthStarts.map((start, i) => {
    const end = monthStarts[i + 1] ?? nextMonthStart(start);
    const inMonth = (at: number) => at >= start && at < end;
    const heldHere = held.filter((m) => inMonth(heldAt(m)));
    const talk = heldHere.flatMap((m) => {
      const share = selfShare(m.talkSelfMs, m.talkOthersMs);
      return share === null ? [] : [share];
    });
    const ratings = heldHere.flatMap((m) => (m.rating === null ? [] : [m.rating]));
    const at = Math.min(end - 1, now);
    const overdue = active.filter((p) => {
      if (p.createdAt > at) return false;
      const last = lastBefore(heldByPerson.get(p.id) ?? [], at);
      return last !== null && cadenceStatus(p.cadence, last, at) === 'overdue';
    }).length;
    return {
      start,
      scheduled: meetings.filter((m) => m.status !== 'cancelled' && inMonth(m.at)).length,
      held: heldHere.length,
      talkSelfPercent: mean(talk),
      talkMeasured: talk.length,
      rating: mean(ratings),
      rated: ratings.length,
      overdue,
    };
  });
}

/** The latest time in ascending `times` at or before `at`. */
function lastBefore(times: readonly number[], at: number): number | null {
  let found: number | null = null;
  for (const t of times) {
    if (t > at) break;
    found = t;
  }
  return found;
}

/** The start of the month after the one starting at `start` (local time). */
export function nextMonthStart(start: number): number {
  const date = new Date(start);
  return new Date(date.getFullYear(), date.getMonth() + 1, 1).getTime();
}

/** The starts of the `count` months ending with the one holding `now`, oldest first. */
export function lastMonthStarts(now: number, count: number): number[] {
  const date = new Date(now);
  return Array.from({ length: count }, (_, i) =>
    new Date(date.getFullYear(), date.getMonth() - (count - 1 - i), 1).getTime(),
  );
}
