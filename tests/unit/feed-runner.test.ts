import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupApi } from '@/entrypoints/background/api/policy';
import { getDb } from '@/entrypoints/background/db/database';
import { setSeriesOverride } from '@/entrypoints/background/db/series-overrides';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { setupFeedSchedule } from '@/entrypoints/background/feed/schedule';
import { setupSeenEvents } from '@/entrypoints/background/seen-events';
import {
  FEED_ALARM,
  FEED_STALE_MS,
  refreshFeed,
  setFeedOptionsForTests,
  whenFeedIdle,
} from '@/entrypoints/background/feed/runner';
import { FEED_META } from '@/entrypoints/background/feed/store';
import type { Inputs } from '@/utils/messaging/inputs';
import type { FeedConnectResult } from '@/utils/messaging/feed-status';
import { buildIcs, type FeedEvent } from '../support/ics.mjs';
import { deliver } from './helpers/deliver';
import { addNote, DAY, snapshot, useFreshDb } from './helpers/db';
import { senders } from './helpers/senders';

useFreshDb();

const FEED =
  'https://calendar.google.com/calendar/ical/ben.suzuki%40example.com/private-0123456789abcdef0123456789abcdef/basic.ics';
const MIN = 60_000;
// iCalendar times are whole seconds.
const NOW = Math.floor(Date.now() / MIN) * MIN;
const BEN = { email: 'ben.suzuki@example.com', name: 'Ben Suzuki' };
const AIKO = { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka' };

/** What the feed's server answers, per address (a test changes it between reads). */
let answers: Map<string, () => Response>;
let fetched: string[];

beforeEach(() => {
  answers = new Map();
  fetched = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      fetched.push(url);
      const answer = answers.get(url);
      if (!answer) throw new TypeError('Failed to fetch');
      return answer();
    }),
  );
  Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => true) });
  setFeedOptionsForTests({});
  setupFeedSchedule();
  setupSeenEvents();
  setupApi();
});

const ics =
  (text: string, init: ResponseInit = {}) =>
  () =>
    new Response(text, { headers: { 'Content-Type': 'text/calendar' }, ...init });

function oneOnOne(fields: Partial<FeedEvent> = {}): FeedEvent {
  return {
    uid: 'aiko1on1@google.com',
    summary: '1on1 Aiko / Ben',
    start: NOW + DAY,
    end: NOW + DAY + 30 * MIN,
    organizer: BEN.email,
    attendees: [BEN, AIKO],
    meet: 'abc-defg-hij',
    ...fields,
  };
}

const serve = (events: FeedEvent[], url = FEED) => answers.set(url, ics(buildIcs({ events })));

const connect = (url = FEED, selfEmail: string | null = null) =>
  deliver('feedConnect', { url, selfEmail }, senders.options()) as Promise<FeedConnectResult>;

const meetings = async () => (await getDb().meetings.toArray()).filter((m) => !m.deleted);
const people = async () => (await getDb().people.toArray()).filter((p) => !p.deleted);

describe('connecting a calendar feed', () => {
  it('records the 1on1s of the window with their person, Meet link and time, once', async () => {
    serve([
      oneOnOne(),
      // Two people, no keyword: a 1on1 by the two-guest rule.
      oneOnOne({
        uid: 'chat@google.com',
        summary: 'Coffee',
        start: NOW + 2 * DAY,
        end: NOW + 2 * DAY + 30 * MIN,
        attendees: [BEN, { email: 'taro.yamada@example.com', name: '山田 太郎' }],
        meet: undefined,
      }),
      // A room and a group do not make a 1on1 of a meeting; three people are a meeting.
      oneOnOne({
        uid: 'team@google.com',
        summary: 'Team weekly',
        attendees: [
          BEN,
          AIKO,
          { email: 'chris.ito@example.com' },
          { email: 'eng@example.com', cutype: 'GROUP' },
        ],
      }),
      oneOnOne({
        uid: 'design@google.com',
        summary: 'Design sync',
        attendees: [
          BEN,
          { email: 'chris.ito@example.com' },
          { email: 'design@example.com', cutype: 'GROUP' },
        ],
      }),
      // Out of the window (two months ahead): not recorded yet.
      oneOnOne({ uid: 'far@google.com', start: NOW + 90 * DAY, end: NOW + 90 * DAY + MIN }),
    ]);
    const result = await connect();
    expect(result.ok).toBe(true);
    const recorded = await meetings();
    expect(recorded.map((m) => [m.eventId, m.title, m.meetCode, m.status]).sort()).toEqual([
      ['aiko1on1', '1on1 Aiko / Ben', 'abc-defg-hij', 'planned'],
      ['chat', 'Coffee', null, 'planned'],
    ]);
    expect((await people()).map((p) => p.email).sort()).toEqual([
      'aiko.tanaka@example.com',
      'taro.yamada@example.com',
    ]);
    // Read again: nothing doubled.
    await refreshFeed('now');
    expect(await meetings()).toHaveLength(2);
    const popup = await deliver('getPopupView', undefined, senders.popup());
    expect(popup.upcoming).toHaveLength(2);
    // Met never, but with a 1on1 planned: in hand, not "needs attention".
    expect(popup.attention.flatMap((a) => a.reasons)).not.toContain('never-met');
    // The practice dashboard counts them as scheduled in their month.
    const practice = await deliver('getPractice', { months: 3 }, senders.options());
    const month = practice.months.at(-1)!;
    const next = new Date(month.start);
    next.setMonth(next.getMonth() + 1);
    const inMonth = recorded.filter(
      (m) => m.plannedStart! >= month.start && m.plannedStart! < next.getTime(),
    );
    expect(month.scheduled).toBe(inMonth.length);
    if (result.ok) {
      expect(result.status.found).toMatchObject({ oneOnOnes: 2, week: 2, events: 5 });
      expect(result.status.address).toBe('https://calendar.google.com/••••/basic.ics');
    }
  });

  it('applies the series and person overrides the Calendar page applies', async () => {
    serve([oneOnOne()]);
    await writeTransaction((ctx) => setSeriesOverride(ctx, 'aiko1on1', 'never'));
    await connect();
    expect(await meetings()).toEqual([]);
    await writeTransaction((ctx) => setSeriesOverride(ctx, 'aiko1on1', 'auto'));
    const aiko = await deliver('createPerson', { ...AIKO, override: 'never' }, senders.options());
    await refreshFeed('now');
    expect(await meetings()).toEqual([]);
    await deliver('updatePerson', { id: aiko.id, patch: { override: 'auto' } }, senders.options());
    await refreshFeed('now');
    expect(await meetings()).toHaveLength(1);
  });

  it('leaves out what the user declined, taking their address from the feed or the settings', async () => {
    serve([oneOnOne({ attendees: [{ ...BEN, partstat: 'DECLINED' }, AIKO] })]);
    await connect();
    expect(await meetings()).toEqual([]);
    // An Outlook feed names no one: the address given in the settings tells who is who.
    answers.set(
      FEED,
      ics(
        buildIcs({
          calendarName: 'Calendar',
          events: [oneOnOne({ attendees: [{ ...BEN, partstat: 'DECLINED' }, AIKO] })],
        }),
      ),
    );
    await deliver('feedSetSelf', { selfEmail: 'BEN.SUZUKI@example.com' }, senders.options());
    expect(await meetings()).toEqual([]);
  });
});

describe('who the user is', () => {
  it('is the one guest of nearly every event when the feed names no one (Outlook)', async () => {
    const other = (uid: string, email: string, at: number) =>
      oneOnOne({
        uid,
        summary: 'Catch-up',
        start: NOW + at * DAY,
        end: NOW + at * DAY + 30 * MIN,
        // Organized by the other person: without knowing who the user is, the organizer would
        // be taken for them, and the user for the other person.
        organizer: email,
        attendees: [{ email }, BEN],
      });
    answers.set(
      FEED,
      ics(
        buildIcs({
          calendarName: 'Calendar',
          events: [
            other('a@x', 'aiko.tanaka@example.com', 1),
            other('b@x', 'taro.yamada@example.com', 2),
            other('c@x', 'chris.ito@example.com', 3),
          ],
        }),
      ),
    );
    const result = await connect();
    expect(result.ok && result.status.feedSelf).toBe(BEN.email);
    expect((await people()).map((p) => p.email).sort()).toEqual([
      'aiko.tanaka@example.com',
      'chris.ito@example.com',
      'taro.yamada@example.com',
    ]);
  });

  it("never takes the address Google writes as a guest's name for their name", async () => {
    await deliver('createPerson', { ...AIKO, name: 'Aiko' }, senders.options());
    await getDb().people.toCollection().modify({ nameEditedByUser: false });
    serve([oneOnOne({ attendees: [BEN, { email: AIKO.email, name: AIKO.email }] })]);
    await connect();
    expect((await people()).map((p) => p.name)).toEqual(['Aiko']);
  });
});

describe('one record per event, whoever saw it first', () => {
  const pageEvent = (fields: Partial<Inputs['recordCalendarEvent']> = {}) => ({
    eventId: 'aiko1on1',
    seriesId: 'aiko1on1',
    title: '1on1 Aiko / Ben',
    start: NOW + DAY,
    end: NOW + DAY + 30 * MIN,
    meetCode: 'abc-defg-hij',
    guests: [BEN, AIKO],
    organizerEmail: BEN.email,
    selfEmail: BEN.email,
    ...fields,
  });

  it('the page first, then the feed: the feed updates the page’s record', async () => {
    const page = await deliver('recordCalendarEvent', pageEvent(), senders.calendarTab());
    serve([oneOnOne({ start: NOW + DAY + 60 * MIN, end: NOW + DAY + 90 * MIN })]);
    await connect();
    const [only, ...more] = await meetings();
    expect(more).toEqual([]);
    expect(only!.id).toBe(page.meetingId);
    expect(only!.plannedStart).toBe(NOW + DAY + 60 * MIN);
  });

  it('the feed first, then the page: the page finds the feed’s record', async () => {
    serve([oneOnOne()]);
    await connect();
    const [fromFeed] = await meetings();
    const page = await deliver('recordCalendarEvent', pageEvent(), senders.calendarTab());
    expect(page.meetingId).toBe(fromFeed!.id);
    expect(await meetings()).toHaveLength(1);
    expect(await people()).toHaveLength(1);
  });

  it('recurring instances carry the page’s instance ids (original start in UTC)', async () => {
    const first = Date.UTC(2026, 11, 8, 1, 0);
    vi.setSystemTime(first - 2 * DAY);
    try {
      serve([
        oneOnOne({ start: first, end: first + 30 * MIN, rrule: 'FREQ=WEEKLY;COUNT=3' }),
        // The second, moved by an hour: still the same instance id.
        oneOnOne({
          start: first + 7 * DAY + 60 * MIN,
          end: first + 7 * DAY + 90 * MIN,
          recurrenceId: first + 7 * DAY,
        }),
      ]);
      await connect();
      expect((await meetings()).map((m) => [m.eventId, m.seriesId, m.plannedStart]).sort()).toEqual(
        [
          ['aiko1on1_20261208T010000Z', 'aiko1on1', first],
          ['aiko1on1_20261215T010000Z', 'aiko1on1', first + 7 * DAY + 60 * MIN],
          ['aiko1on1_20261222T010000Z', 'aiko1on1', first + 14 * DAY],
        ],
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('an Outlook invitation (no Google id) is joined by person and start, both ways', async () => {
    const outlook = oneOnOne({ uid: '040000008200E00074C5B7101A82E0080000000044DB@outlook.com' });
    serve([outlook]);
    await connect();
    const [fromFeed] = await meetings();
    expect(fromFeed!.eventId).toBe(`ical:${outlook.uid}`);
    // Google shows the invitation under an id of its own: the page adopts the feed's record.
    const page = await deliver(
      'recordCalendarEvent',
      pageEvent({
        eventId: '_6tlnaqrle5p6cpb4dhmj4phpehk6',
        seriesId: '_6tlnaqrle5p6cpb4dhmj4phpehk6',
      }),
      senders.calendarTab(),
    );
    expect(page.meetingId).toBe(fromFeed!.id);
    await refreshFeed('now');
    const all = await meetings();
    expect(all.map((m) => m.eventId)).toEqual(['_6tlnaqrle5p6cpb4dhmj4phpehk6']);
  });

  it('a 1on1 noted by hand at the same time takes the event’s ids', async () => {
    const aiko = await deliver('createPerson', AIKO, senders.options());
    const hand = await deliver(
      'createMeeting',
      { personId: aiko.id, title: 'Catch-up', plannedStart: NOW + DAY },
      senders.options(),
    );
    serve([oneOnOne()]);
    await connect();
    const all = await meetings();
    expect(all.map((m) => [m.id, m.eventId])).toEqual([[hand.id, 'aiko1on1']]);
  });
});

describe('what changes in the calendar, changes here', () => {
  it('a moved 1on1 moves; a held one keeps its record', async () => {
    serve([oneOnOne()]);
    await connect();
    serve([oneOnOne({ start: NOW + 2 * DAY, end: NOW + 2 * DAY + 30 * MIN })]);
    await refreshFeed('now');
    const [moved] = await meetings();
    expect(moved!.plannedStart).toBe(NOW + 2 * DAY);
    await deliver('updateMeeting', { id: moved!.id, patch: { status: 'held' } }, senders.options());
    serve([oneOnOne({ start: NOW + 3 * DAY, end: NOW + 3 * DAY + 30 * MIN })]);
    await refreshFeed('now');
    expect((await meetings())[0]!.plannedStart).toBe(NOW + 2 * DAY);
  });

  it('a cancelled or deleted 1on1 goes when empty, and is marked cancelled when it holds notes', async () => {
    serve([
      oneOnOne(),
      oneOnOne({ uid: 'b@google.com', start: NOW + 2 * DAY, end: NOW + 2 * DAY + MIN }),
    ]);
    await connect();
    const [a, b] = (await meetings()).sort((x, y) => x.plannedStart! - y.plannedStart!);
    await addNote(b!.id, 'Ask about the conference talk');
    serve([
      oneOnOne({ status: 'CANCELLED' }),
      // b gone from the calendar altogether.
    ]);
    await refreshFeed('now');
    const left = await getDb().meetings.toArray();
    expect(left.find((m) => m.id === a!.id)?.deleted).toBe(1);
    expect(left.find((m) => m.id === b!.id)).toMatchObject({ deleted: 0, status: 'cancelled' });
  });
});

describe('a cancelled 1on1 that comes back', () => {
  it('is planned again', async () => {
    serve([oneOnOne()]);
    await connect();
    const [meeting] = await meetings();
    await addNote(meeting!.id, 'Prepare the career talk');
    serve([]);
    await refreshFeed('now');
    expect((await meetings())[0]!.status).toBe('cancelled');
    serve([oneOnOne()]);
    await refreshFeed('now');
    expect((await meetings()).map((m) => [m.id, m.status])).toEqual([[meeting!.id, 'planned']]);
  });
});

describe('bad feeds: said in words, nothing recorded from them, nothing known lost', () => {
  it.each([
    ['a web page', ics('<!doctype html><html><body>Sign in</body></html>'), 'not-ics'],
    ['a 401', ics('Unauthorized', { status: 401 }), 'unauthorized'],
    ['a 404', ics('Not Found', { status: 404 }), 'not-found'],
    ['a 500', ics('Oops', { status: 500 }), 'server'],
    [
      'a cut-off download',
      () => new Response(buildIcs({ events: [oneOnOne()] }).slice(0, 600)),
      'malformed',
    ],
    [
      'a malformed date',
      () =>
        new Response(
          buildIcs({ events: [oneOnOne()] }).replace(/DTSTART:\d{8}/, 'DTSTART:20261345'),
        ),
      'malformed',
    ],
  ])('%s', async (_, answer, kind) => {
    serve([oneOnOne()]);
    await connect();
    const before = await snapshot();
    const known = await meetings();
    answers.set(FEED, answer);
    const status = await deliver('feedRefresh', undefined, senders.popup());
    expect(status.lastError).toMatchObject({ kind, during: 'refresh' });
    expect(await meetings()).toEqual(known);
    // Only the feed's own state changed.
    const after = (await snapshot()) as { meta: { key: string }[] };
    const without = (s: unknown) => ({
      ...(s as object),
      meta: (s as { meta: { key: string }[] }).meta.filter((r) => r.key !== FEED_META.state),
    });
    expect(without(after)).toEqual(without(before));
    // A good read again clears it.
    serve([oneOnOne()]);
    expect((await deliver('feedRefresh', undefined, senders.popup())).lastError).toBeNull();
  });

  it('a feed over the size cap is not read, whatever Content-Length says', async () => {
    setFeedOptionsForTests({ maxBytes: 10_000 });
    const big = buildIcs({
      events: Array.from({ length: 60 }, (_, i) => oneOnOne({ uid: `e${i}@google.com` })),
    });
    answers.set(FEED, () => new Response(big));
    const result = await connect();
    expect(result).toMatchObject({ ok: false, error: { kind: 'too-large', during: 'connect' } });
    answers.set(
      FEED,
      () => new Response(big, { headers: { 'Content-Length': String(big.length) } }),
    );
    expect(await connect()).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    expect(await meetings()).toEqual([]);
  });

  it('a feed too slow to come is a timeout', async () => {
    setFeedOptionsForTests({ timeoutMs: 50 });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      ),
    );
    expect(await connect()).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('a server that does not allow Taiwa, without host access, is a permission to give', async () => {
    Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => false) });
    expect(await connect('https://outlook.example.com/owa/calendar.ics')).toMatchObject({
      ok: false,
      error: { kind: 'permission' },
    });
  });

  it('a new address that fails leaves the feed in use, and its 1on1s, as they were', async () => {
    serve([oneOnOne()]);
    await connect();
    const result = await connect('https://evil.example.com/not-a-calendar');
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', during: 'connect' } });
    const status = await deliver('getFeedStatus', undefined, senders.options());
    expect(status.address).toBe('https://calendar.google.com/••••/basic.ics');
    expect(await meetings()).toHaveLength(1);
    expect(await connect('http://example.com/feed.ics')).toMatchObject({
      ok: false,
      error: { kind: 'insecure-url' },
    });
  });
});

describe('the address is a secret', () => {
  it('lives only in the background database: never in storage, a backup, a status or a log', async () => {
    const logs = [
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'debug'),
    ];
    serve([oneOnOne()]);
    await connect();
    answers.set(FEED, ics('nope', { status: 500 }));
    await deliver('feedRefresh', undefined, senders.popup());
    const secret = 'private-0123456789abcdef';
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(secret);
    expect(JSON.stringify(await fakeBrowser.storage.sync.get())).not.toContain(secret);
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).not.toContain(secret);
    expect(
      JSON.stringify(await deliver('getFeedStatus', undefined, senders.options())),
    ).not.toContain(secret);
    expect(
      JSON.stringify(await deliver('getSettings', undefined, senders.options())),
    ).not.toContain(secret);
    for (const spy of logs) expect(JSON.stringify(spy.mock.calls)).not.toContain(secret);
    // Kept where only the background reads it.
    expect(JSON.stringify(await getDb().meta.get(FEED_META.config))).toContain(secret);
  });

  it('is set up and turned off from the options page only', async () => {
    serve([oneOnOne()]);
    await expect(
      deliver('feedConnect', { url: FEED, selfEmail: null }, senders.popup()),
    ).rejects.toThrow(/Refused/);
    await expect(
      deliver('feedConnect', { url: FEED, selfEmail: null }, senders.panelFrame()),
    ).rejects.toThrow(/Refused/);
    await expect(deliver('getFeedStatus', undefined, senders.calendarTab())).rejects.toThrow(
      /Refused/,
    );
    await connect();
    await expect(
      deliver('feedDisconnect', { confirm: 'turn-off-feed' }, senders.popup()),
    ).rejects.toThrow(/Refused/);
    const off = await deliver('feedDisconnect', { confirm: 'turn-off-feed' }, senders.options());
    expect(off.enabled).toBe(false);
    expect(await getDb().meta.get(FEED_META.config)).toBeUndefined();
    // Its 1on1s stay.
    expect(await meetings()).toHaveLength(1);
  });

  it('goes with "Delete all data"', async () => {
    serve([oneOnOne()]);
    await connect();
    await deliver('deleteAll', { confirm: 'delete-everything' }, senders.options());
    expect(await getDb().meta.where('key').startsWith('feed:').count()).toBe(0);
  });
});

describe('when it is read', () => {
  it('on an alarm every 15 minutes while it is set', async () => {
    serve([oneOnOne()]);
    await connect();
    const alarm = await fakeBrowser.alarms.get(FEED_ALARM);
    expect(alarm?.periodInMinutes).toBe(15);
    fetched.length = 0;
    await fakeBrowser.alarms.onAlarm.trigger({
      name: FEED_ALARM,
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    } as never);
    await whenFeedIdle();
    expect(fetched).toEqual([FEED]);
  });

  it('when the popup opens over a read older than 5 minutes, without waiting for it', async () => {
    serve([oneOnOne()]);
    await connect();
    fetched.length = 0;
    await deliver('getPopupView', undefined, senders.popup());
    await whenFeedIdle();
    expect(fetched).toEqual([]);
    const state = await getDb().meta.get(FEED_META.state);
    await getDb().meta.put({
      key: FEED_META.state,
      value: { ...(state?.value as object), lastAttemptAt: Date.now() - FEED_STALE_MS - 1 },
    });
    await deliver('getPopupView', undefined, senders.popup());
    await whenFeedIdle();
    expect(fetched).toEqual([FEED]);
  });

  it('again when the keywords change', async () => {
    // Two people and a group: no 1on1 by the two-guest rule, one by its title.
    serve([
      oneOnOne({
        summary: 'Sync Aiko / Ben',
        attendees: [BEN, AIKO, { email: 'eng@example.com', cutype: 'GROUP' }],
      }),
    ]);
    await connect();
    expect(await meetings()).toEqual([]);
    await deliver('saveSettings', { keywords: ['sync'] }, senders.options());
    await vi.waitFor(async () => expect(await meetings()).toHaveLength(1));
  });
});
