import { describe, expect, it } from 'vitest';
import { cadenceStatus, nextDueDate } from '@/utils/domain/cadence';

const DAY = 86_400_000;
const last = Date.UTC(2026, 10, 2, 1);

describe('cadenceStatus', () => {
  it('is on track before the next 1on1 is due', () => {
    expect(cadenceStatus('weekly', last, last + 6 * DAY)).toBe('on-track');
  });

  it('is due within the grace period, then overdue', () => {
    expect(cadenceStatus('weekly', last, last + 8 * DAY)).toBe('due');
    expect(cadenceStatus('weekly', last, last + 11 * DAY)).toBe('overdue');
    expect(cadenceStatus('biweekly', last, last + 20 * DAY)).toBe('due');
    expect(cadenceStatus('biweekly', last, last + 22 * DAY)).toBe('overdue');
  });

  it('uses calendar months for a monthly cadence', () => {
    expect(nextDueDate('monthly', Date.UTC(2026, 0, 31))).toBe(Date.UTC(2026, 1, 28));
    expect(cadenceStatus('monthly', last, last + 29 * DAY)).toBe('on-track');
    expect(cadenceStatus('monthly', last, last + 60 * DAY)).toBe('overdue');
  });

  it('counts a 1on1 already planned in the grace period as on track', () => {
    const now = last + 9 * DAY;
    expect(cadenceStatus('weekly', last, now, now + DAY)).toBe('on-track');
    expect(cadenceStatus('weekly', last, now, now + 30 * DAY)).toBe('due');
  });

  it('knows people never met and people without a cadence', () => {
    expect(cadenceStatus('weekly', null, last)).toBe('never-met');
    expect(cadenceStatus('none', last, last + 400 * DAY)).toBe('no-cadence');
  });
});
