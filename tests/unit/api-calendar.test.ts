import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupHealth } from '@/entrypoints/background/health';
import { setupSeenEvents } from '@/entrypoints/background/seen-events';
import { getDb } from '@/entrypoints/background/db/database';
import type { Inputs } from '@/utils/messaging/inputs';
import { deliver } from './helpers/deliver';
import { addAction, addMeeting, addNote, addPerson, DAY, snapshot, useFreshDb } from './helpers/db';
import { senders } from './helpers/senders';
import { setupApi } from '@/entrypoints/background/api/policy';

useFreshDb();

beforeEach(() => {
  setupApi();
  setupHealth();
  setupSeenEvents();
});

const NOW = Date.now();

function event(fields: Partial<Inputs['recordCalendarEvent']> = {}) {
  return {
    eventId: 'aiko_20261124T010000Z',
    seriesId: 'aiko',
    title: 'Catch-up',
    start: NOW + DAY,
    end: NOW + DAY + 1_800_000,
    meetCode: 'abc-defg-hij',
    guests: [
      { email: 'ben@example.com', name: 'Ben' },
      { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka' },
    ],
    organizerEmail: 'ben@example.com',
    selfEmail: 'ben@example.com',
    ...fields,
  };
}

const cal = senders.calendarTab;
const panel = senders.panelFrame;

describe('calendar detection and the prep view', () => {
  it('gives the panel the person, carried items, last time and the condition trend', async () => {
    const aiko = await addPerson({ relationship: 'report', cadence: 'weekly' });
    for (let week = 9; week >= 1; week--) {
      await addMeeting(aiko.id, {
        status: 'held',
        plannedStart: NOW - week * 7 * DAY,
        condition: (week % 5) + 1,
      });
    }
    const last = await addMeeting(aiko.id, {
      status: 'held',
      plannedStart: NOW - 3 * DAY,
      condition: 2,
      agenda: [
        {
          id: 'open-topic',
          text: 'Move to the platform team?',
          author: 'them',
          category: 'career',
          response: 'think-together',
          done: false,
          order: 1,
          originId: null,
          createdAt: 1,
        },
      ],
    });
    await addNote(last.id, 'We agreed on a pairing week.');
    await addAction(aiko.id, last.id, 'Send the course list');

    const result = await deliver('recordCalendarEvent', event(), cal());
    expect(result).toMatchObject({ isOneOnOne: true, reason: 'two-guests', personId: aiko.id });
    const view = await deliver('getPrepView', { eventId: 'aiko_20261124T010000Z' }, panel());
    expect(view.event).toMatchObject({ isOneOnOne: true, hasCounterpart: true, seriesId: 'aiko' });
    expect(view.meeting?.person.id).toBe(aiko.id);
    expect(view.meeting?.carriedAgenda.map((i) => i.text)).toEqual(['Move to the platform team?']);
    expect(view.meeting?.openActions.map((a) => a.text)).toEqual(['Send the course list']);
    expect(view.lastHeld).toEqual({
      id: last.id,
      at: NOW - 3 * DAY,
      sharedExcerpt: 'We agreed on a pairing week.',
    });
    expect(view.cadence).toBe('on-track');
    // The last 8 held meetings, oldest first.
    expect(view.conditionTrend.map((p) => p.condition)).toEqual([3, 2, 1, 5, 4, 3, 2, 2]);
  });

  it('answers a panel that asks while the detection is still being written', async () => {
    const recording = deliver('recordCalendarEvent', event(), cal());
    const view = deliver('getPrepView', { eventId: 'aiko_20261124T010000Z' }, panel());
    await recording;
    expect((await view).meeting?.person.email).toBe('aiko.tanaka@example.com');
    expect((await view).event?.isOneOnOne).toBe(true);
  });

  it('only calendar tabs report events; only Taiwa pages read the prep view', async () => {
    const before = await snapshot();
    await expect(deliver('recordCalendarEvent', event(), panel())).rejects.toThrow(/Refused/);
    await expect(deliver('recordCalendarEvent', event(), senders.otherSite())).rejects.toThrow(
      /Refused/,
    );
    await expect(deliver('getPrepView', { eventId: 'x' }, cal())).rejects.toThrow(/Refused/);
    await expect(deliver('recordCalendarChips', { chips: [] }, senders.meetTab())).rejects.toThrow(
      /Refused/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('"Not a 1on1" removes the empty planned meetings of the series, nothing written', async () => {
    await deliver('recordCalendarEvent', event(), cal());
    // Another instance of the series, already prepared: it holds an agenda and stays.
    const other = await deliver(
      'recordCalendarEvent',
      event({ eventId: 'aiko_20261201T010000Z', start: NOW + 8 * DAY, end: null }),
      cal(),
    );
    await deliver(
      'saveAgendaItem',
      {
        meetingId: other.meetingId!,
        item: {
          id: 'kept',
          text: 'Keep me',
          author: 'me',
          category: 'other',
          response: null,
          done: false,
          order: 1,
          originId: null,
          createdAt: 1,
        },
      },
      panel(),
    );
    const result = await deliver(
      'setEventVerdict',
      { eventId: 'aiko_20261124T010000Z', verdict: 'never' },
      panel(),
    );
    expect(result).toMatchObject({ isOneOnOne: false, reason: 'series-override' });
    const live = (await getDb().meetings.toArray()).filter((m) => !m.deleted);
    expect(live.map((m) => m.id)).toEqual([other.meetingId]);
    const view = await deliver('getPrepView', { eventId: 'aiko_20261124T010000Z' }, panel());
    expect(view.event?.isOneOnOne).toBe(false);
    expect(view.meeting).toBeNull();

    // And back: the series is a 1on1 again.
    const again = await deliver(
      'setEventVerdict',
      { eventId: 'aiko_20261124T010000Z', verdict: 'always' },
      panel(),
    );
    expect(again).toMatchObject({ isOneOnOne: true, reason: 'series-override' });
  });

  it('"Treat as 1on1" works when there is one other person, despite a group guest', async () => {
    const group = event({
      eventId: 'design',
      seriesId: 'design',
      title: 'Design sync',
      guests: [...event().guests, { email: 'design@example.com', isGroup: true }],
    });
    expect(await deliver('recordCalendarEvent', group, cal())).toMatchObject({
      isOneOnOne: false,
    });
    expect((await deliver('getPrepView', { eventId: 'design' }, panel())).event).toMatchObject({
      isOneOnOne: false,
      hasCounterpart: true,
    });
    const result = await deliver(
      'setEventVerdict',
      { eventId: 'design', verdict: 'always' },
      panel(),
    );
    expect(result.isOneOnOne).toBe(true);
    expect((await deliver('getPrepView', { eventId: 'design' }, panel())).meeting).not.toBeNull();
  });

  it('refuses a verdict for an event it never saw, changing nothing', async () => {
    const before = await snapshot();
    await expect(
      deliver('setEventVerdict', { eventId: 'unknown', verdict: 'always' }, panel()),
    ).rejects.toThrow(/open it in Google Calendar again/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('grid chips', () => {
  const chip = (fields: Partial<Inputs['recordCalendarChips']['chips'][number]>) => ({
    eventId: 'aiko_20261201T010000Z',
    seriesId: 'aiko',
    title: '1on1 Aiko / Ben',
    start: NOW + 8 * DAY,
    end: NOW + 8 * DAY + 1_800_000,
    ...fields,
  });

  it('records 1on1 chips of known series, and names the ones it cannot place', async () => {
    const first = await deliver(
      'recordCalendarChips',
      { chips: [chip({}), chip({ eventId: 'x', seriesId: 'x', title: 'Team weekly' })] },
      cal(),
    );
    expect(first).toEqual({ recorded: 0, unresolved: ['aiko_20261201T010000Z'] });
    await deliver('recordCalendarEvent', event(), cal());
    const second = await deliver('recordCalendarChips', { chips: [chip({})] }, cal());
    expect(second).toEqual({ recorded: 1, unresolved: [] });
    const meeting = (await getDb()
      .meetings.where('eventId')
      .equals('aiko_20261201T010000Z')
      .first())!;
    expect(meeting).toMatchObject({
      status: 'planned',
      plannedStart: NOW + 8 * DAY,
      meetCode: 'abc-defg-hij',
    });

    // Moved in the calendar: the planned meeting follows.
    await deliver('recordCalendarChips', { chips: [chip({ start: NOW + 9 * DAY })] }, cal());
    expect((await getDb().meetings.get(meeting.id))?.plannedStart).toBe(NOW + 9 * DAY);
  });

  it('leaves out series the user said are not 1on1s', async () => {
    await deliver('recordCalendarEvent', event(), cal());
    await deliver(
      'setEventVerdict',
      { eventId: 'aiko_20261124T010000Z', verdict: 'never' },
      panel(),
    );
    expect(await deliver('recordCalendarChips', { chips: [chip({})] }, cal())).toEqual({
      recorded: 0,
      unresolved: [],
    });
  });
});

describe('health', () => {
  it('marks the tab that reported a problem, and clears it when it recovers', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://calendar.google.com/' });
    const sender = { ...cal(), tab };
    await deliver('reportHealth', { surface: 'calendar', problems: ['event-card'] }, sender);
    expect(await deliver('getHealth', undefined, senders.popup())).toMatchObject([
      { surface: 'calendar', problems: ['event-card'], tabId: tab.id },
    ]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('!');
    await deliver('reportHealth', { surface: 'calendar', problems: [] }, sender);
    expect(await deliver('getHealth', undefined, senders.popup())).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id })).toBe('');
  });
});
