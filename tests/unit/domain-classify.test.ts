import { describe, expect, it } from 'vitest';
import {
  classifyEvent,
  DEFAULT_KEYWORDS,
  matchesKeyword,
  OPT_IN_KEYWORDS,
  resolveCounterpart,
  type Guest,
} from '@/utils/domain/classify';

const me = { email: 'ben.suzuki@example.com', name: 'Ben' };
const aiko = { email: 'Aiko.Tanaka@Example.com', name: 'Aiko' };
const room: Guest = { email: 'c_1889abc@resource.calendar.google.com', name: 'Room A' };
const options = { selfEmail: me.email, keywords: DEFAULT_KEYWORDS };

describe('matchesKeyword', () => {
  it.each([
    '1on1 Aiko / Ben',
    'Weekly 1:1',
    '１ｏｎ１ 田中さん',
    '1On1',
    '1-on-1 with Chris',
    'One On One',
    '1対1 山田さん',
    '【ワンオンワン】佐藤',
    '１：１',
  ])('recognises %s', (title) => expect(matchesKeyword(title, DEFAULT_KEYWORDS)).toBe(true));

  it.each(['Team weekly', '11on12 planning', 'v1on1x', '人事評価面談', 'Lunch'])(
    'does not take %s for a 1on1',
    (title) => expect(matchesKeyword(title, DEFAULT_KEYWORDS)).toBe(false),
  );

  it('counts 面談 only when the user opts in', () => {
    expect(matchesKeyword('キャリア面談', DEFAULT_KEYWORDS)).toBe(false);
    expect(matchesKeyword('キャリア面談', [...DEFAULT_KEYWORDS, ...OPT_IN_KEYWORDS])).toBe(true);
  });

  it('ignores blank keywords', () => expect(matchesKeyword('anything', ['', ' '])).toBe(false));
});

describe('resolveCounterpart', () => {
  it('is the one human guest who is not the user, lowercased', () => {
    expect(resolveCounterpart([me, aiko, room], me.email)?.email).toBe('aiko.tanaka@example.com');
  });

  it('matches the user case-insensitively and ignores duplicate rows', () => {
    const guests = [
      { email: 'BEN.SUZUKI@example.com' },
      aiko,
      { ...aiko, email: 'aiko.tanaka@example.com' },
    ];
    expect(resolveCounterpart(guests, me.email)?.email).toBe('aiko.tanaka@example.com');
  });

  it('falls back to the organizer as the user', () => {
    expect(resolveCounterpart([me, aiko], null, me.email)?.email).toBe('aiko.tanaka@example.com');
  });

  it('is null with several others or none', () => {
    expect(resolveCounterpart([me, aiko, { email: 'c@example.com' }], me.email)).toBeNull();
    expect(resolveCounterpart([me, room], me.email)).toBeNull();
  });
});

describe('classifyEvent', () => {
  const event = (title: string, guests: Guest[], seriesId: string | null = 's1') => ({
    title,
    guests,
    seriesId,
  });

  it('recognises by keyword', () => {
    expect(classifyEvent(event('1on1', [me, aiko]), options)).toMatchObject({
      isOneOnOne: true,
      reason: 'keyword',
    });
  });

  it('recognises exactly two human guests, rooms aside', () => {
    const verdict = classifyEvent(event('Catch-up', [me, aiko, room]), options);
    expect(verdict).toMatchObject({ isOneOnOne: true, reason: 'two-guests' });
    expect(verdict.counterpart?.email).toBe('aiko.tanaka@example.com');
  });

  it('does not count groups or three people', () => {
    const group = { email: 'eng@example.com', isGroup: true };
    expect(classifyEvent(event('Sync', [me, group]), options).isOneOnOne).toBe(false);
    expect(
      classifyEvent(event('Sync', [me, aiko, { email: 'c@example.com' }]), options).isOneOnOne,
    ).toBe(false);
    const groupCalendar = { email: 'team@group.calendar.google.com' };
    expect(classifyEvent(event('Sync', [me, aiko, groupCalendar]), options).isOneOnOne).toBe(false);
  });

  it('lets the series override win over everything, then the person override', () => {
    const oneOnOne = event('1on1', [me, aiko]);
    expect(classifyEvent(oneOnOne, { ...options, seriesVerdict: 'never' })).toMatchObject({
      isOneOnOne: false,
      reason: 'series-override',
    });
    expect(
      classifyEvent(event('Lunch', [me, aiko, { email: 'x@example.com' }]), {
        ...options,
        seriesVerdict: 'always',
        personOverride: 'never',
      }).isOneOnOne,
    ).toBe(true);
    expect(classifyEvent(oneOnOne, { ...options, personOverride: 'never' })).toMatchObject({
      isOneOnOne: false,
      reason: 'person-override',
    });
    expect(classifyEvent(oneOnOne, { ...options, personOverride: 'auto' }).reason).toBe('keyword');
  });

  it('survives hostile titles', () => {
    const title = '<img src=x onerror=alert(1)> 1on1 '.repeat(50);
    expect(classifyEvent(event(title, [me, aiko]), options).isOneOnOne).toBe(true);
  });
});
