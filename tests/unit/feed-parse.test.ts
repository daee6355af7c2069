import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedParseError, parseFeed, type ParseWindow } from '@/utils/feed/ics';
import { feedEventIds } from '@/utils/feed/event-ids';
import { maskFeedUrl, parseFeedUrl } from '@/utils/feed/url';
import { classifyFeed } from '@/entrypoints/background/feed/record';
import { DEFAULT_KEYWORDS } from '@/utils/domain/classify';

/** Real-world exports, each naming its source in its header (tests/fixtures/feed/). */
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/feed', name), 'utf8');

const EVERYTHING: ParseWindow = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2035, 0, 1) };
const iso = (at: number) => new Date(at).toISOString();

describe('the feed parser on real-world exports', () => {
  it("reads Google's secret-address export: its owner, guests, Meet link and event ids", () => {
    const feed = parseFeed(fixture('google-primary.ics'), EVERYTHING);
    // Google names a person's primary calendar by its address.
    expect(feed.calendarEmail).toBe('ben.suzuki@example.com');
    expect(feed.events).toBe(4);
    expect(feed.occurrences.map((o) => o.eventId)).toEqual([
      '60r30dhgclhmcb9n64r68b9kclj6cbb1c5ijcb9i64sj6d1h6tgj4dr66k',
      'ical:2594949F-A815-493C-85DA-0566B898A464',
      'ical:33189287-2F3D-4480-B0E0-3ADF1928C633',
      '37u1s1n8pdqolonqedsgmlujg0',
    ]);
    const demo = feed.occurrences.at(-1)!;
    expect(demo).toMatchObject({
      seriesId: '37u1s1n8pdqolonqedsgmlujg0',
      title: 'Demo 방향성 논의',
      start: Date.UTC(2023, 10, 28, 5, 30),
      end: Date.UTC(2023, 10, 28, 6, 30),
      organizerEmail: 'yuna.kim@example.net',
      meetCode: 'abc-mnop-xyz',
      unreadableGuests: false,
    });
    expect(demo.guests.map((g) => g.email)).toEqual([
      'jun.oh@example.net',
      'ken@example.net',
      'yuna.kim@example.net',
      'ben.suzuki@example.com',
      'hana@example.net',
    ]);
    // Five people: a meeting, no one's 1on1.
    expect(
      classifyFeed(feed.occurrences, {
        selfEmail: feed.calendarEmail,
        keywords: DEFAULT_KEYWORDS,
        seriesVerdicts: new Map(),
        personOverrides: new Map(),
      }),
    ).toEqual([]);
  });

  it('takes a moved instance (listed before its series) by RECURRENCE-ID, in a zone the file does not define', () => {
    const feed = parseFeed(fixture('google-moved-instance.ics'), EVERYTHING);
    // America/Denver (no VTIMEZONE): 10:00 MST is 17:00 UTC; the page's instance ids keep the
    // original start even for the moved one.
    expect(feed.occurrences.map((o) => [o.eventId, iso(o.start), o.title])).toEqual([
      ['aaaaaaaaaa888se1rr0b24sm4p_20260210T170000Z', '2026-02-10T17:00:00.000Z', 'TEST RECURR 3'],
      [
        'aaaaaaaaaa888se1rr0b24sm4p_20260211T170000Z',
        '2026-02-11T17:30:00.000Z',
        'TEST RECURR 3 - MODIFIED',
      ],
      ['aaaaaaaaaa888se1rr0b24sm4p_20260212T170000Z', '2026-02-12T17:00:00.000Z', 'TEST RECURR 3'],
    ]);
    expect(new Set(feed.occurrences.map((o) => o.seriesId))).toEqual(
      new Set(['aaaaaaaaaa888se1rr0b24sm4p']),
    );
  });

  it("follows the file's VTIMEZONE across daylight saving, and moves an instance two weeks earlier", () => {
    const feed = parseFeed(fixture('google-vtimezone-moved.ics'), {
      from: Date.UTC(2021, 10, 1),
      to: Date.UTC(2022, 4, 1),
    });
    expect(feed.occurrences.map((o) => [o.eventId.split('_')[1], iso(o.start)])).toEqual([
      ['20211126T203000Z', '2021-11-26T20:30:00.000Z'],
      // The last Friday of December, moved to the 17th.
      ['20211231T203000Z', '2021-12-17T20:30:00.000Z'],
      ['20220128T203000Z', '2022-01-28T20:30:00.000Z'],
      ['20220225T203000Z', '2022-02-25T20:30:00.000Z'],
      ['20220325T203000Z', '2022-03-25T20:30:00.000Z'],
      // Summer time (CEST): 21:30 in Berlin is 19:30 UTC.
      ['20220429T193000Z', '2022-04-29T19:30:00.000Z'],
    ]);
  });

  it("reads all-day events and Google's birthday instances by date", () => {
    const feed = parseFeed(fixture('google-birthdays.ics'), EVERYTHING);
    expect(feed.occurrences.every((o) => o.allDay)).toBe(true);
    const instances = feed.occurrences.filter((o) => o.seriesId === 'BIRTHDAY_79d389868f96182e');
    expect(instances.map((o) => o.eventId)).toEqual([
      'BIRTHDAY_79d389868f96182e_20121210',
      'BIRTHDAY_79d389868f96182e_20131210',
      'BIRTHDAY_79d389868f96182e_20141210',
    ]);
    expect(instances[0]!.start).toBe(new Date(2012, 11, 10).getTime());
    expect(instances[0]!.end - instances[0]!.start).toBe(86_400_000);
    // The series with RDATEs: its rule's one date and the two given.
    expect(
      feed.occurrences.filter((o) => o.seriesId === '2014_BIRTHDAY_79d389868f96182e'),
    ).toHaveLength(3);
  });

  it("reads Outlook's Windows time zones and an all-day instance moved by a time in that zone", () => {
    const feed = parseFeed(fixture('outlook-moved-allday.ics'), EVERYTHING);
    const days = feed.occurrences.map((o) => new Date(o.start).getDate());
    const february = feed.occurrences.filter((o) => new Date(o.start).getMonth() === 1);
    // Tuesdays and Thursdays from February 19; the 26th's moved to the 27th, not both.
    expect(february.map((o) => new Date(o.start).getDate())).toEqual([19, 24, 27]);
    expect(february[2]!.eventId).toBe('ical:exchange-moved-recurrence_20260226');
    expect(feed.occurrences.at(-1)!.start).toBe(new Date(2026, 7, 13).getTime());
    expect(days).toHaveLength(51);
  });

  it('gives Outlook Web App events without a UID stable ids of their own', () => {
    const first = parseFeed(fixture('outlook-owa.ics'), EVERYTHING);
    const again = parseFeed(fixture('outlook-owa.ics'), EVERYTHING);
    expect(first.occurrences.map((o) => o.eventId)).toEqual(
      again.occurrences.map((o) => o.eventId),
    );
    expect(first.occurrences[0]!.eventId).toMatch(/^ical:no-uid-[0-9a-f]+$/);
    // Time zone names no one defines: read as the computer's local time.
    expect(first.occurrences[0]!.start).toBe(new Date(2020, 9, 28, 13, 30).getTime());
    // The weekly series runs to its UNTIL.
    const series = first.occurrences.filter((o) => o.title === 'TEST2');
    expect(new Date(series.at(-1)!.start).toISOString().slice(0, 10)).toBe('2021-08-27');
  });

  it('leaves out a cancelled instance (STATUS:CANCELLED on its RECURRENCE-ID)', () => {
    const feed = parseFeed(fixture('thunderbird-cancelled.ics'), EVERYTHING);
    expect(feed.occurrences.map((o) => iso(o.start))).toEqual([
      '2020-01-28T21:00:00.000Z',
      '2020-01-30T21:00:00.000Z',
    ]);
  });

  it('leaves out EXDATEs, comma-separated and folded; floating ones exclude nothing', () => {
    const feed = parseFeed(fixture('google-exdates.ics'), EVERYTHING);
    const exdated = feed.occurrences
      .filter((o) => o.title === 'Example of comma-separated exdates')
      .map((o) => iso(o.start).slice(0, 10));
    expect(exdated).toContain('2017-06-22');
    for (const gone of ['2017-07-06', '2017-07-17', '2017-07-20', '2017-08-03']) {
      expect(exdated).not.toContain(gone);
    }
    const bad = feed.occurrences
      .filter((o) => o.title === 'Example of exdate with bad times')
      .map((o) => iso(o.start).slice(0, 10));
    expect(bad).toContain('2017-12-18');
    expect(bad).toContain('2017-12-19');
  });

  it('reads RDATE periods, exceptions by UTC RECURRENCE-ID, and counts the organizer as a guest', () => {
    const feed = parseFeed(fixture('zimbra-attendees.ics'), {
      from: Date.UTC(2012, 9, 1),
      to: Date.UTC(2013, 0, 31),
    });
    const first = feed.occurrences[0]!;
    // Moved the same day, from 10:00 to 15:00 Pacific.
    expect([first.eventId, iso(first.start)]).toEqual([
      'ical:623c13c0-6c2b-45d6-a12b-c33ad61c4868_20121002T170000Z',
      '2012-10-02T22:00:00.000Z',
    ]);
    expect(first.guests.map((g) => g.email)).toEqual([
      'sara.lee@example.com',
      'jake@example.org',
      'ivan.r@example.com',
      'jlin@example.org',
    ]);
    // The instance of Nov 5 (given in UTC) moved to Nov 6, 20:00 Pacific.
    const moved = feed.occurrences.find((o) => o.eventId.endsWith('_20121105T180000Z'))!;
    expect(iso(moved.start)).toBe('2012-11-07T04:00:00.000Z');
    // EXDATE Dec 4 (the first Tuesday) is gone.
    expect(feed.occurrences.map((o) => iso(o.start).slice(0, 10))).not.toContain('2012-12-04');
  });

  it('reads only the window it is given, and moved-out instances still count as there', () => {
    const feed = parseFeed(fixture('google-vtimezone-moved.ics'), {
      from: Date.UTC(2021, 11, 25),
      to: Date.UTC(2022, 0, 5),
    });
    // The Dec 31 instance, moved to Dec 17, still exists (it is not "gone").
    expect(feed.occurrences.map((o) => o.eventId)).toEqual([
      '38m812jicsrer5gorh3mlp7qhc_20211231T203000Z',
    ]);
  });
});

const wrap = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) =>
  wrap('BEGIN:VEVENT', 'UID:x@google.com', ...lines, 'END:VEVENT');

function refusal(text: string): FeedParseError {
  try {
    parseFeed(text, EVERYTHING);
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
  throw new Error('read without complaint');
}

describe('hostile and broken feeds', () => {
  it.each([
    ['a web page', '<!doctype html><html><body>Sign in to continue</body></html>'],
    ['a sign-in page served as text/calendar', '\n\n<html>Sign in</html>'],
    ['JSON', '{"error":"not found"}'],
    ['an empty answer', ''],
    ['binary', '\u0000\u0001PK\u0003\u0004'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Aiko\r\nEND:VCARD'],
  ])('refuses %s as not a calendar', (_, text) => {
    expect(refusal(text).kind).toBe('not-ics');
  });

  it('refuses a feed cut off mid-way (a download that stopped)', () => {
    const whole = fixture('google-primary.ics');
    const error = refusal(whole.slice(0, Math.floor(whole.length / 2)));
    expect([error.kind, error.flaw]).toEqual(['malformed', 'truncated']);
  });

  it.each([
    ['month 13', 'DTSTART:20261345T100000Z', 'date'],
    ['February 30', 'DTSTART;VALUE=DATE:20260230', 'date'],
    ['hour 25', 'DTSTART:20260101T250000Z', 'date'],
    ['no start at all', 'SUMMARY:1on1', 'date'],
    ['a start that is no date', 'DTSTART:tomorrow', 'date'],
    [
      'an EXDATE that is no date',
      'DTSTART:20260101T100000Z\r\nRRULE:FREQ=WEEKLY\r\nEXDATE:20261399T100000Z',
      'date',
    ],
    ['a rule without FREQ', 'DTSTART:20260101T100000Z\r\nRRULE:INTERVAL=2', 'rule'],
    [
      'a rule with an unknown FREQ',
      'DTSTART:20260101T100000Z\r\nRRULE:FREQ=SOMETIMES',
      'structure',
    ],
    [
      'a rule with a bad BYDAY',
      'DTSTART:20260101T100000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=XX',
      'structure',
    ],
    [
      'a rule with a bad UNTIL',
      'DTSTART:20260101T100000Z\r\nRRULE:FREQ=DAILY;UNTIL=garbage',
      'rule',
    ],
  ])('refuses %s, and says which event', (_, lines, flaw) => {
    const error = refusal(event(...lines.split('\r\n')));
    expect(error.kind).toBe('malformed');
    expect(error.flaw).toBe(flaw);
    if (flaw !== 'structure') expect(error.eventNumber).toBe(1);
  });

  it('refuses a line that is not iCalendar at all', () => {
    expect(refusal(event('DTSTART:20260101T100000Z', 'this is not a line')).flaw).toBe('structure');
  });

  it('never loops on an impossible rule, and skips rules no meeting has (every minute)', () => {
    const impossible = event(
      'DTSTART:20260101T100000Z',
      'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    );
    const started = performance.now();
    // ical.js either rolls such dates over or gives up; either way it ends, and nothing but a
    // refusal in words comes out.
    try {
      parseFeed(impossible, EVERYTHING);
    } catch (error) {
      expect(error).toBeInstanceOf(FeedParseError);
    }
    const minutely = parseFeed(
      event('DTSTART:20000101T100000Z', 'RRULE:FREQ=MINUTELY'),
      EVERYTHING,
    );
    expect(minutely.occurrences).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('keeps hostile text as text, cut to size', () => {
    const feed = parseFeed(
      event(
        'DTSTART:20260101T100000Z',
        `SUMMARY:1on1 <img src=x onerror="alert(1)"> ${'x'.repeat(5_000)}`,
        'ATTENDEE;CN=<script>alert(1)</script>:mailto:mallory@example.com',
        'ATTENDEE:mailto:ben@example.com',
      ),
      EVERYTHING,
    );
    const [only] = feed.occurrences;
    expect(only!.title.startsWith('1on1 <img src=x onerror="alert(1)">')).toBe(true);
    expect(only!.title).toHaveLength(1_000);
    expect(only!.guests[0]!.name).toBe('<script>alert(1)</script>');
  });

  it('marks a guest without an address: who the other person is cannot be known', () => {
    const feed = parseFeed(
      event(
        'DTSTART:20260101T100000Z',
        'SUMMARY:1on1',
        'ATTENDEE:mailto:ben@example.com',
        'ATTENDEE;CN=Someone:urn:uuid:1234',
      ),
      EVERYTHING,
    );
    expect(feed.occurrences[0]!.unreadableGuests).toBe(true);
    expect(
      classifyFeed(feed.occurrences, {
        selfEmail: 'ben@example.com',
        keywords: DEFAULT_KEYWORDS,
        seriesVerdicts: new Map(),
        personOverrides: new Map(),
      }),
    ).toEqual([]);
  });

  it('ignores a nameless VTIMEZONE but refuses a named one it cannot read', () => {
    expect(() =>
      parseFeed(wrap('BEGIN:VTIMEZONE', 'X-INVALID:TRUE', 'END:VTIMEZONE'), EVERYTHING),
    ).not.toThrow();
  });

  it('is not fooled by a calendar name that is no address', () => {
    expect(parseFeed(wrap('X-WR-CALNAME:Team <b>calendar</b>'), EVERYTHING).calendarEmail).toBe(
      null,
    );
  });
});

describe('reading only the window, and still all of the file', () => {
  const NOW = Date.UTC(2026, 11, 2);
  const WINDOW: ParseWindow = { from: NOW - 14 * 86_400_000, to: NOW + 60 * 86_400_000 };
  const single = (uid: string, start: string, ...more: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}@google.com`,
    `DTSTART:${start}`,
    'SUMMARY:1on1',
    ...more,
    'END:VEVENT',
  ];

  it('reads a series that began long before the window, and leaves old single events out', () => {
    const feed = parseFeed(
      wrap(
        ...single('old', '20200101T010000Z'),
        ...single('weekly', '20200106T010000Z', 'RRULE:FREQ=WEEKLY'),
        ...single('soon', '20261203T010000Z'),
      ),
      WINDOW,
    );
    expect(feed.events).toBe(3);
    expect(new Set(feed.occurrences.map((o) => o.seriesId))).toEqual(new Set(['weekly', 'soon']));
  });

  it('still refuses a broken event far outside the window, and names it by its place in the file', () => {
    const broken = refusalIn(
      wrap(
        ...single('old', '20200101T010000Z', 'this line is broken'),
        ...single('soon', '20261203T010000Z'),
      ),
    );
    expect([broken.flaw, broken.eventNumber]).toEqual(['structure', 1]);
    const badDate = refusalIn(
      wrap(
        ...single('a', '20200101T010000Z'),
        ...single('b', '20200102T010000Z'),
        ...single('c', '20201345T010000Z'),
      ),
    );
    expect([badDate.flaw, badDate.eventNumber]).toEqual(['date', 3]);
  });

  function refusalIn(text: string): FeedParseError {
    try {
      parseFeed(text, WINDOW);
    } catch (error) {
      if (error instanceof FeedParseError) return error;
      throw error;
    }
    throw new Error('read without complaint');
  }
});

describe('event ids and addresses', () => {
  it("derives the page's ids from Google's UIDs, and marks everything else as the feed's own", () => {
    expect(feedEventIds('abc123@google.com', null)).toEqual({
      eventId: 'abc123',
      seriesId: 'abc123',
    });
    // A "this and following" split keeps Google's _R suffix in both.
    expect(
      feedEventIds('cjor6rn0v3te499kon6didavua_R20240308T180000@google.com', '20240329T170000Z'),
    ).toEqual({
      eventId: 'cjor6rn0v3te499kon6didavua_R20240308T180000_20240329T170000Z',
      seriesId: 'cjor6rn0v3te499kon6didavua_R20240308T180000',
    });
    expect(feedEventIds('040000008200E00074C5B7101A82E008@outlook.com', null)?.eventId).toBe(
      'ical:040000008200E00074C5B7101A82E008@outlook.com',
    );
    expect(feedEventIds('has space', null)).toBeNull();
  });

  it('takes https and webcal addresses, http only on this machine, and masks a saved one', () => {
    const google =
      'https://calendar.google.com/calendar/ical/ben.suzuki%40example.com/private-0123456789abcdef/basic.ics';
    expect(parseFeedUrl(google)).toBeInstanceOf(URL);
    expect(
      String(parseFeedUrl('webcal://outlook.office365.com/owa/calendar/x/y/calendar.ics')),
    ).toBe('https://outlook.office365.com/owa/calendar/x/y/calendar.ics');
    expect(parseFeedUrl('http://calendar.example.com/feed.ics')).toBe('insecure-url');
    expect(parseFeedUrl('http://127.0.0.1:8080/feed.ics')).toBeInstanceOf(URL);
    expect(parseFeedUrl('https://user:secret@example.com/feed.ics')).toBe('bad-url');
    expect(parseFeedUrl('not a url')).toBe('bad-url');
    expect(maskFeedUrl(google)).toBe('https://calendar.google.com/••••/basic.ics');
    expect(maskFeedUrl(google)).not.toContain('private');
    expect(maskFeedUrl('https://example.com/feeds/0123456789?token=secret')).toBe(
      'https://example.com/••••',
    );
  });
});
