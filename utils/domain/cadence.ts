import { addDays, addMonths } from 'date-fns';
import type { Cadence } from '@/utils/model/entities';

export type CadenceStatus = 'on-track' | 'due' | 'overdue' | 'never-met' | 'no-cadence';

/** The next 1on1 date the cadence asks for after `lastHeldAt`. */
export function nextDueDate(cadence: Cadence, lastHeldAt: number): number | null {
  switch (cadence) {
    case 'weekly':
      return addDays(lastHeldAt, 7).getTime();
    case 'biweekly':
      return addDays(lastHeldAt, 14).getTime();
    case 'monthly':
      return addMonths(lastHeldAt, 1).getTime();
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
