import { describe, expect, it } from 'vitest';
import { memberSide, orderAgenda } from '@/utils/domain/agenda';
import { carriedAgenda, openActionsFor } from '@/utils/domain/carry-over';
import type { ActionItem, AgendaItem, Meeting } from '@/utils/model/entities';

const meta = {
  createdAt: 0,
  updatedAt: 0,
  hlc: '',
  fieldHlc: {},
  deviceId: 'd',
  dirty: 0 as const,
  version: 1,
  rev: null,
  deleted: 0 as const,
};

const item = (id: string, patch: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  text: id,
  author: 'them',
  category: 'work',
  response: null,
  done: false,
  order: 0,
  originId: null,
  createdAt: 0,
  ...patch,
});

const meeting = (
  id: string,
  start: number,
  agenda: AgendaItem[],
  patch: Partial<Meeting> = {},
): Meeting => ({
  ...meta,
  id,
  personId: 'p1',
  title: '1on1',
  eventId: null,
  seriesId: null,
  meetCode: null,
  plannedStart: start,
  plannedEnd: null,
  status: 'held',
  heldAt: null,
  agenda,
  condition: null,
  rating: null,
  talkSelfMs: null,
  talkOthersMs: null,
  agendaSentAt: null,
  recapSentAt: null,
  ...patch,
});

const action = (id: string, patch: Partial<ActionItem> = {}): ActionItem => ({
  ...meta,
  id,
  personId: 'p1',
  meetingId: 'm1',
  owner: 'me',
  text: id,
  due: null,
  done: false,
  doneAt: null,
  ...patch,
});

describe('carriedAgenda', () => {
  it('carries unfinished items from earlier meetings, once', () => {
    const m1 = meeting('m1', 100, [item('a'), item('b', { done: true })]);
    const m2 = meeting('m2', 200, [item('c')], { status: 'cancelled' });
    const m3 = meeting('m3', 300, [], { status: 'planned' });
    expect(carriedAgenda([m1, m2, m3], m3).map((i) => i.originId)).toEqual(['a', 'c']);
  });

  it('stops carrying an item once a copy of it is done anywhere', () => {
    const m1 = meeting('m1', 100, [item('a')]);
    const m2 = meeting('m2', 200, [item('a2', { originId: 'a', done: true })]);
    const m3 = meeting('m3', 300, [], { status: 'planned' });
    expect(carriedAgenda([m1, m2, m3], m3)).toEqual([]);
  });

  it('does not repeat an item already on the agenda, nor look at later meetings', () => {
    const m1 = meeting('m1', 100, [item('a')]);
    const m2 = meeting('m2', 200, [item('a2', { originId: 'a' })], { status: 'planned' });
    const m3 = meeting('m3', 300, [item('later')], { status: 'planned' });
    expect(carriedAgenda([m1, m2, m3], m2)).toEqual([]);
  });

  it('follows a meeting that moved: its time decides what is earlier', () => {
    const m1 = meeting('m1', 500, [item('a')]);
    const m2 = meeting('m2', 300, [], { status: 'planned' });
    expect(carriedAgenda([m1, m2], m2)).toEqual([]);
    expect(carriedAgenda([{ ...m1, plannedStart: 100 }, m2], m2).map((i) => i.originId)).toEqual([
      'a',
    ]);
  });

  it("ignores deleted meetings and other people's", () => {
    const gone = meeting('m1', 100, [item('a')], { deleted: 1 });
    const other = meeting('m2', 100, [item('b')], { personId: 'p2' });
    const now = meeting('m3', 300, [], { status: 'planned' });
    expect(carriedAgenda([gone, other, now], now)).toEqual([]);
  });
});

describe('openActionsFor', () => {
  it("lists the person's open items from other meetings, due first", () => {
    const list = openActionsFor(
      [
        action('late', { due: 900 }),
        action('soon', { due: 100 }),
        action('done', { done: true }),
        action('here', { meetingId: 'm9' }),
        action('other', { personId: 'p2' }),
        action('deleted', { deleted: 1 }),
        action('nodue', { meetingId: null }),
      ],
      'p1',
      'm9',
    );
    expect(list.map((a) => a.id)).toEqual(['soon', 'late', 'nodue']);
  });
});

describe('orderAgenda', () => {
  it("puts the member's topics first, then the manual order", () => {
    const items = [
      item('mine', { author: 'me', order: 0 }),
      item('theirs2', { order: 2 }),
      item('theirs1', { order: 1 }),
    ];
    expect(orderAgenda(items, 'them').map((i) => i.id)).toEqual(['theirs1', 'theirs2', 'mine']);
    expect(orderAgenda(items, 'me').map((i) => i.id)[0]).toBe('mine');
  });

  it('takes the user as the member with their manager or mentor', () => {
    expect(memberSide('my-manager')).toBe('me');
    expect(memberSide('mentor')).toBe('me');
    expect(memberSide('report')).toBe('them');
    expect(memberSide('mentee')).toBe('them');
  });
});
