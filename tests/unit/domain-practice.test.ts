import { describe, expect, it } from 'vitest';
import {
  lastMonthStarts,
  nextMonthStart,
  practiceByMonth,
  type PracticeMeeting,
  type PracticePerson,
} from '@/utils/domain/practice';

const at = (iso: string) => new Date(iso).getTime();
const meeting = (fields: Partial<PracticeMeeting> & { at: number }): PracticeMeeting => ({
  personId: 'p1',
  status: 'held',
  heldAt: null,
  rating: null,
  talkSelfMs: null,
  talkOthersMs: null,
  ...fields,
});

describe('month starts', () => {
  it('counts back whole months in local time, across a year', () => {
    const starts = lastMonthStarts(at('2026-02-15T12:00:00'), 3);
    expect(starts).toEqual([
      at('2025-12-01T00:00:00'),
      at('2026-01-01T00:00:00'),
      at('2026-02-01T00:00:00'),
    ]);
    expect(nextMonthStart(at('2026-12-01T00:00:00'))).toBe(at('2027-01-01T00:00:00'));
  });
});

describe('practiceByMonth', () => {
  const now = at('2026-03-20T12:00:00');
  const months = lastMonthStarts(now, 3); // Jan, Feb, Mar
  const people: PracticePerson[] = [
    { id: 'p1', cadence: 'weekly', createdAt: at('2025-06-01T00:00:00'), archived: false },
    {
      id: 'p2',
      cadence: 'monthly' as const,
      createdAt: at('2025-06-01T00:00:00'),
      archived: false,
    },
  ];

  it('counts held against scheduled, leaving cancelled ones out', () => {
    const result = practiceByMonth(
      [
        meeting({ at: at('2026-01-05T10:00:00') }),
        meeting({ at: at('2026-01-12T10:00:00'), status: 'skipped' }),
        meeting({ at: at('2026-01-19T10:00:00'), status: 'cancelled' }),
        meeting({ at: at('2026-02-02T10:00:00'), status: 'planned' }),
      ],
      people,
      months,
      now,
    );
    expect(result.map((m) => [m.scheduled, m.held])).toEqual([
      [2, 1],
      [1, 0],
      [0, 0],
    ]);
  });

  it('averages the talk share and the rating over the 1on1s that measured them', () => {
    const [jan] = practiceByMonth(
      [
        meeting({ at: at('2026-01-05T10:00:00'), talkSelfMs: 2, talkOthersMs: 8, rating: 4 }),
        meeting({ at: at('2026-01-12T10:00:00'), talkSelfMs: 4, talkOthersMs: 6, rating: 5 }),
        meeting({ at: at('2026-01-19T10:00:00') }),
      ],
      people,
      months,
      now,
    );
    expect(jan).toMatchObject({ talkSelfPercent: 30, talkMeasured: 2, rating: 4.5, rated: 2 });
    expect(practiceByMonth([], people, months, now)[0]).toMatchObject({
      talkSelfPercent: null,
      rating: null,
    });
  });

  it('counts who was overdue at each month end (never met is not overdue)', () => {
    const result = practiceByMonth(
      [
        // p1 weekly: met early January, then not until March.
        meeting({ at: at('2026-01-05T10:00:00') }),
        meeting({ at: at('2026-03-02T10:00:00') }),
        // p2 monthly: met every month.
        meeting({ personId: 'p2', at: at('2025-12-28T10:00:00') }),
        meeting({ personId: 'p2', at: at('2026-01-28T10:00:00') }),
        meeting({ personId: 'p2', at: at('2026-02-27T10:00:00') }),
      ],
      [...people, { id: 'p3', cadence: 'weekly', createdAt: 0, archived: false }],
      months,
      now,
    );
    expect(result.map((m) => m.overdue)).toEqual([1, 1, 1]);
    // Mid-March (now): p1 was met on the 2nd, so only its weekly rhythm counts from there.
    expect(
      practiceByMonth(
        [meeting({ at: at('2026-03-16T10:00:00') })],
        people.slice(0, 1),
        months,
        now,
      ).at(-1)?.overdue,
    ).toBe(0);
  });

  it('leaves archived people and people without a rhythm out of the overdue count', () => {
    const old = [meeting({ at: at('2025-11-01T10:00:00') })];
    const count = (p: (typeof people)[number]) =>
      practiceByMonth(old, [p], months, now).map((m) => m.overdue);
    expect(count(people[0]!)).toEqual([1, 1, 1]);
    expect(count({ ...people[0]!, archived: true })).toEqual([0, 0, 0]);
    expect(count({ ...people[0]!, cadence: 'none' })).toEqual([0, 0, 0]);
  });
});
