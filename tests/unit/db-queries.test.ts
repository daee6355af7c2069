import { describe, expect, it } from 'vitest';
import { getDb } from '@/entrypoints/background/db/database';
import { updateMeeting } from '@/entrypoints/background/db/meetings';
import { meetingView, peopleOverview, personTimeline } from '@/entrypoints/background/db/queries';
import { search } from '@/entrypoints/background/db/search';
import { saveRecord, writeTransaction, type WriteContext } from '@/entrypoints/background/db/write';
import { addAction, addMeeting, addNote, addPerson, DAY, useFreshDb } from './helpers/db';

useFreshDb();

// Relative to the real clock: the overview figures are computed at write time, so a fixed date
// would put "the next planned 1on1" in the past once that date has gone by.
const NOW = Math.floor(Date.now() / DAY) * DAY + 3 * 3_600_000;

describe('peopleOverview', () => {
  it('gives each person their last and next 1on1, open actions and cadence', async () => {
    const aiko = await addPerson({ cadence: 'weekly' });
    const ben = await addPerson({ email: 'ben@example.com', name: 'Ben', cadence: 'biweekly' });
    const old = await addMeeting(aiko.id, {
      plannedStart: NOW - 20 * DAY,
      status: 'held',
      condition: 2,
    });
    await addMeeting(aiko.id, { plannedStart: NOW - 10 * DAY, status: 'held', condition: 4 });
    await addMeeting(aiko.id, { plannedStart: NOW - 3 * DAY, status: 'cancelled' });
    const next = await addMeeting(aiko.id, { plannedStart: NOW + 2 * DAY });
    await addAction(aiko.id, old.id, 'open one');
    await addAction(aiko.id, old.id, 'open two');
    await addAction(aiko.id, null, 'done', true);

    const overview = await peopleOverview(getDb(), NOW);
    const a = overview.find((o) => o.person.id === aiko.id)!;
    expect(a.lastHeld).toMatchObject({ at: NOW - 10 * DAY, condition: 4 });
    expect(a.nextPlanned).toEqual({ id: next.id, at: NOW + 2 * DAY });
    expect(a.openActions).toBe(2);
    // Due 3 days ago; the planned one is past the grace period, so it is not "in hand".
    expect(a.cadence).toBe('due');
    const b = overview.find((o) => o.person.id === ben.id)!;
    expect(b).toMatchObject({
      lastHeld: null,
      nextPlanned: null,
      openActions: 0,
      cadence: 'never-met',
    });
  });
});

describe('personTimeline and meetingView', () => {
  it('lists meetings newest first and leaves deleted records out', async () => {
    const aiko = await addPerson();
    const m1 = await addMeeting(aiko.id, { plannedStart: NOW - 14 * DAY, status: 'held' });
    const m2 = await addMeeting(aiko.id, { plannedStart: NOW - 7 * DAY, status: 'held' });
    const gone = await addMeeting(aiko.id, { plannedStart: NOW });
    const { tombstone } = await import('@/entrypoints/background/db/write');
    await writeTransaction((ctx) => tombstone(ctx, 'meetings', gone.id));
    const timeline = await personTimeline(getDb(), aiko.id);
    expect(timeline.meetings.map((m) => m.id)).toEqual([m2.id, m1.id]);
  });

  it('brings unfinished agenda and open actions into the next meeting', async () => {
    const aiko = await addPerson();
    const item = (id: string, author: 'me' | 'them') => ({
      id,
      text: `topic ${id}`,
      author,
      category: 'work' as const,
      response: 'listen' as const,
      done: false,
      order: 0,
      originId: null,
      createdAt: NOW,
    });
    const m1 = await addMeeting(aiko.id, {
      plannedStart: NOW - 7 * DAY,
      status: 'held',
      agenda: [item('a', 'me'), item('b', 'them')],
    });
    const m2 = await addMeeting(aiko.id, {
      plannedStart: NOW + DAY,
      agenda: [item('c', 'me'), item('d', 'them')],
    });
    await addAction(aiko.id, m1.id, 'follow up');
    const view = await meetingView(getDb(), m2.id);
    expect(view.agenda.map((i) => i.id)).toEqual(['d', 'c']);
    expect(view.carriedAgenda.map((i) => i.originId)).toEqual(['b', 'a']);
    expect(view.openActions.map((a) => a.text)).toEqual(['follow up']);

    // Discussed in the next meeting: not carried any more.
    await writeTransaction((ctx) =>
      updateMeeting(ctx, m2.id, {
        agenda: [...view.agenda, { ...view.carriedAgenda[0]!, id: 'b2', done: true }],
      }),
    );
    const after = await meetingView(getDb(), m2.id);
    expect(after.carriedAgenda.map((i) => i.originId)).toEqual(['a']);
  });

  it('names the next planned 1on1 after a meeting, for the wrap-up', async () => {
    const aiko = await addPerson();
    const today = await addMeeting(aiko.id, { plannedStart: NOW });
    expect((await meetingView(getDb(), today.id)).nextPlanned).toBeNull();
    const later = await addMeeting(aiko.id, { plannedStart: NOW + 14 * DAY });
    const sooner = await addMeeting(aiko.id, { plannedStart: NOW + 7 * DAY });
    await addMeeting(aiko.id, { plannedStart: NOW + 3 * DAY, status: 'cancelled' });
    expect((await meetingView(getDb(), today.id)).nextPlanned).toEqual({
      id: sooner.id,
      at: NOW + 7 * DAY,
    });
    expect((await meetingView(getDb(), later.id)).nextPlanned).toBeNull();
  });
});

describe('search', () => {
  it('finds a Japanese word inside a sentence and an English word, across notes, agendas and actions', async () => {
    const aiko = await addPerson();
    const m1 = await addMeeting(aiko.id, { plannedStart: NOW - 7 * DAY, title: 'Quarterly 1on1' });
    await addNote(m1.id, '来期はキャリアについて相談したいとのこと。');
    await addNote(m1.id, 'She wants to lead the Kubernetes migration.', 'private');
    await addAction(aiko.id, m1.id, '評価シートを共有する');
    const m2 = await addMeeting(aiko.id, {
      plannedStart: NOW,
      agenda: [
        {
          id: 'x',
          text: 'キャリアの棚卸し',
          author: 'them',
          category: 'career',
          response: null,
          done: false,
          order: 0,
          originId: null,
          createdAt: NOW,
        },
      ],
    });

    const career = await search(getDb(), 'キャリア');
    expect(career.map((h) => [h.kind, h.meetingId]).sort()).toEqual([
      ['agenda', m2.id],
      ['note', m1.id],
    ]);
    expect(career.every((h) => h.excerpt.includes('キャリア'))).toBe(true);
    expect(career[0]!.at).toBeGreaterThanOrEqual(career[1]!.at);
    expect((await search(getDb(), 'kubernetes')).map((h) => h.kind)).toEqual(['note']);
    expect((await search(getDb(), 'MIGRATION kubernetes')).length).toBe(1);
    expect((await search(getDb(), '評価')).map((h) => h.kind)).toEqual(['action']);
    expect(await search(getDb(), 'quarterly')).toHaveLength(1);
    expect(await search(getDb(), 'キャリア kubernetes')).toEqual([]);
    expect(await search(getDb(), '   ')).toEqual([]);
  });

  it('finds the start of a word, and only the newest when there are many', async () => {
    const aiko = await addPerson();
    const m1 = await addMeeting(aiko.id);
    await addNote(m1.id, 'Her career plan');
    expect((await search(getDb(), 'care')).map((h) => h.kind)).toEqual(['note']);
    for (let i = 0; i < 60; i++) await addAction(aiko.id, m1.id, `budget item ${i}`);
    const hits = await search(getDb(), 'budget', 50);
    expect(hits).toHaveLength(50);
    // Each write is its own transaction (well over 1 ms): the oldest item is not among the newest 50.
    expect(hits.map((h) => h.excerpt)).not.toContain('budget item 0');
    expect(hits.every((h, i) => i === 0 || hits[i - 1]!.at >= h.at)).toBe(true);
  });

  it('reads further back when the newest records with the lead word do not match', async () => {
    const aiko = await addPerson();
    const m1 = await addMeeting(aiko.id);
    await addAction(aiko.id, m1.id, 'budget review with finance');
    for (let i = 0; i < 70; i++) await addAction(aiko.id, m1.id, `budget ${i}`);
    const hits = await search(getDb(), 'finance budget', 5);
    expect(hits.map((h) => h.excerpt)).toEqual(['budget review with finance']);
  });

  it('walks past many records written in the same millisecond to the one holding every word', async () => {
    const aiko = await addPerson();
    const action = (ctx: WriteContext, id: string, text: string) =>
      saveRecord(ctx, 'actions', id, { personId: aiko.id, text }, { create: true });
    // One transaction: every item has the same time, so their index keys are equal word by word;
    // records under one key come in id order, so the one with both words is read last.
    await writeTransaction(async (ctx) => {
      for (let i = 0; i < 300; i++) {
        await action(ctx, `a-${String(i).padStart(4, '0')}`, `budget ${i}`);
        await action(ctx, `b-${String(i).padStart(4, '0')}`, `finance ${i}`);
      }
      await action(ctx, 'z-last', 'budget finance');
    });
    const hits = await search(getDb(), 'finance budget', 5);
    expect(hits.map((h) => h.excerpt)).toEqual(['budget finance']);
  });

  it('stops finding a note once it is edited or deleted', async () => {
    const aiko = await addPerson();
    const m1 = await addMeeting(aiko.id);
    await addNote(m1.id, 'budget talk');
    expect(await search(getDb(), 'budget')).toHaveLength(1);
    await addNote(m1.id, 'headcount talk');
    expect(await search(getDb(), 'budget')).toEqual([]);
    expect(await search(getDb(), 'headcount')).toHaveLength(1);
  });
});
