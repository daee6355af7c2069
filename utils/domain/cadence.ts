import type { CADENCES } from '@/utils/model/enums';

type Cadence = (typeof CADENCES)[number];

/** Calendar days later, in local time (so a 10:00 1on1 stays at 10:00 across a DST change). */
function addDays(at: number, days: number): Date {
  const date = new Date(at);
  date.setDate(date.getDate() + days);
  return date;
}

/** A month later on the same day, or the month's last day when it has no such day (Jan 31 → Feb 28). */
function addMonth(at: number): Date {
  const date = new Date(at);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() + 1);
  const last = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, last));
  return date;
}

export type CadenceStatus = 'on-track' | 'due' | 'overdue' | 'never-met' | 'no-cadence';

/**
 * The next 1on1 date the cadence asks for after `lastHeldAt`. Plain Date arithmetic (no date-fns),
 * so the sidebar's wrap-up can suggest it without loading a date library.
 */
export function nextDueDate(cadence: Cadence, lastHeldAt: number): number | null {
  switch (cadence) {
    case 'weekly':
      return addDays(lastHeldAt, 7).getTime();
    case 'biweekly':
      return addDays(lastHeldAt, 14).getTime();
    case 'monthly':
      return addMonth(lastHeldAt).getTime();
    case 'none':
      return null;
  }
}

/**
 * Where a person stands against their cadence: on track until the next 1on1 is due, due for a
 * grace period of half an interval (at least 3 days), overdue after that. A 1on1 already planned
 * before the end of the grace period keeps the person on track: it is in hand.
 */
export function cadenceStatus(
  cadence: Cadence,
  lastHeldAt: number | null,
  now: number,
  nextPlannedAt: number | null = null,
): CadenceStatus {
  if (cadence === 'none') return 'no-cadence';
  if (lastHeldAt === null) return 'never-met';
  const due = nextDueDate(cadence, lastHeldAt);
  if (due === null) return 'no-cadence';
  const grace = Math.max(3 * 86_400_000, (due - lastHeldAt) / 2);
  if (now < due) return 'on-track';
  if (nextPlannedAt !== null && nextPlannedAt >= now && nextPlannedAt <= due + grace) {
    return 'on-track';
  }
  return now < due + grace ? 'due' : 'overdue';
}
