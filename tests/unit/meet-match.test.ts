import { describe, expect, it } from 'vitest';
import { matchPersonByName, pickMeetingForCall } from '@/utils/domain/meet-match';

const people = [
  { id: 'aiko', name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com' },
  { id: 'yamada', name: '山田 太郎', email: 'yamada@example.co.jp' },
  { id: 'ben1', name: 'Ben', email: 'ben.one@example.com' },
  { id: 'ben2', name: 'Ben', email: 'ben.two@example.com' },
  { id: 'nameless', name: '', email: 'chris.ito@example.com' },
];

describe('matching a call’s participant to a known person', () => {
  it('ignores case, width, spacing and word order', () => {
    expect(matchPersonByName(['aiko tanaka'], people)?.id).toBe('aiko');
    expect(matchPersonByName(['Tanaka  Aiko'], people)?.id).toBe('aiko');
    expect(matchPersonByName(['ＡＩＫＯ ＴＡＮＡＫＡ'], people)?.id).toBe('aiko');
    expect(matchPersonByName(['山田　太郎'], people)?.id).toBe('yamada');
  });

  it('falls back to the address’s local part', () => {
    expect(matchPersonByName(['Chris Ito'], people)?.id).toBe('nameless');
  });

  it('asks rather than guesses: no match, two matches, no names', () => {
    expect(matchPersonByName(['Dana Mori'], people)).toBeNull();
    expect(matchPersonByName(['Ben'], people)).toBeNull();
    expect(matchPersonByName(['Aiko Tanaka', '山田 太郎'], people)).toBeNull();
    expect(matchPersonByName([], people)).toBeNull();
    expect(matchPersonByName([''], people)).toBeNull();
  });
});

describe('which meeting a call with a known Meet code is', () => {
  const NOW = Date.UTC(2026, 11, 1, 1);
  const H = 3_600_000;
  const meeting = (
    id: string,
    fields: Partial<Parameters<typeof pickMeetingForCall>[0][number]>,
  ) => ({
    id,
    personId: 'aiko',
    status: 'planned',
    plannedStart: null,
    heldAt: null,
    createdAt: 0,
    ...fields,
  });

  it('takes the instance planned closest to now', () => {
    const picked = pickMeetingForCall(
      [
        meeting('last-week', {
          status: 'held',
          plannedStart: NOW - 168 * H,
          heldAt: NOW - 168 * H,
        }),
        meeting('today', { plannedStart: NOW - 0.1 * H }),
        meeting('next-week', { plannedStart: NOW + 168 * H }),
      ],
      NOW,
    );
    expect(picked.meeting?.id).toBe('today');
  });

  it('rejoins a 1on1 already held today', () => {
    const held = meeting('today', { status: 'held', plannedStart: NOW - 2 * H, heldAt: NOW - H });
    expect(pickMeetingForCall([held], NOW).meeting?.id).toBe('today');
  });

  it('names the person but no meeting when none is near (a recurring link)', () => {
    const picked = pickMeetingForCall(
      [
        meeting('old', {
          status: 'held',
          plannedStart: NOW - 14 * 24 * H,
          heldAt: NOW - 14 * 24 * H,
        }),
        meeting('later', { personId: 'ben', plannedStart: NOW + 30 * 24 * H }),
      ],
      NOW,
    );
    expect(picked).toEqual({ meeting: null, personId: 'ben' });
    expect(pickMeetingForCall([], NOW)).toEqual({ meeting: null, personId: null });
  });
});
