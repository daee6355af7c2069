import { describe, expect, it } from 'vitest';
import { parseChips } from '@/utils/google/calendar/chips';
import { editPageEventId, parseEditPage } from '@/utils/google/calendar/edit-page';
import { decodeEventId, encodeEventId, isPersonalCalendar } from '@/utils/google/calendar/event-id';
import { calendarProblems } from '@/utils/google/calendar/health';
import { decodeDateKey, parseEventTime } from '@/utils/google/calendar/when';
import { loadFixture, shownUnlessDisplayNone as shown } from './helpers/fixtures';
import { openEvent } from './helpers/calendar';

const NOW = new Date(2026, 10, 22, 9, 0).getTime();
const at = (y: number, mo: number, d: number, h = 0, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).getTime();

describe('decodeEventId', () => {
  it('decodes instance ids, expands abbreviated calendars and strips the series suffix', () => {
    expect(decodeEventId(encodeEventId('abc_20261124T010000Z', 'ben@m'))).toEqual({
      eventId: 'abc_20261124T010000Z',
      calendarId: 'ben@gmail.com',
      seriesId: 'abc',
      instanceStart: Date.UTC(2026, 10, 24, 1),
    });
    expect(decodeEventId(encodeEventId('day_20261124', 'team@g'))).toMatchObject({
      calendarId: 'team@group.calendar.google.com',
      seriesId: 'day',
      instanceStart: at(2026, 11, 24),
    });
    expect(decodeEventId(encodeEventId('x', 'v@v'))?.calendarId).toBe(
      'v@group.v.calendar.google.com',
    );
  });

  it('returns null for what is not an event id', () => {
    for (const bad of ['', 'a', '!!!!', btoa('nospace'), btoa(' leading'), 'x'.repeat(3000)]) {
      expect(decodeEventId(bad)).toBeNull();
    }
  });

  it('knows a person calendar from a group or room', () => {
    expect(isPersonalCalendar('ben@example.com')).toBe(true);
    expect(isPersonalCalendar('x@group.calendar.google.com')).toBe(false);
    expect(isPersonalCalendar('c_1@resource.calendar.google.com')).toBe(false);
    expect(isPersonalCalendar('ja.japanese#holiday')).toBe(false);
  });
});

describe('parseEventTime', () => {
  const cases: [string, number, number][] = [
    ['Tuesday, November 24 ⋅ 10:00 – 10:30am', at(2026, 11, 24, 10), at(2026, 11, 24, 10, 30)],
    ['Monday, June 23 ⋅ 10:00 – 10:30pm', at(2026, 6, 23, 22), at(2026, 6, 23, 22, 30)],
    ['Wednesday, November 25 ⋅ 11am – 12pm', at(2026, 11, 25, 11), at(2026, 11, 25, 12)],
    ['Wednesday, November 25 ⋅ 11 – 1pm', at(2026, 11, 25, 11), at(2026, 11, 25, 13)],
    ['Friday, November 27 ⋅ 11:30pm – 12:15am', at(2026, 11, 27, 23, 30), at(2026, 11, 28, 0, 15)],
    ['Tuesday, 24 November ⋅ 16:00 – 16:45', at(2026, 11, 24, 16), at(2026, 11, 24, 16, 45)],
    ['November 30, 2026, 11pm – December 1, 2026, 1am', at(2026, 11, 30, 23), at(2026, 12, 1, 1)],
    ['Tuesday, January 5, 2027 ⋅ 3:00 – 4:00pm', at(2027, 1, 5, 15), at(2027, 1, 5, 16)],
    ['11月 24日 (火曜日)⋅午前10:00～10:30', at(2026, 11, 24, 10), at(2026, 11, 24, 10, 30)],
    ['6月 23日 (月曜日)⋅午後10:00～10:30', at(2026, 6, 23, 22), at(2026, 6, 23, 22, 30)],
    ['11月 25日 (水曜日)⋅午前11:00～午後0:00', at(2026, 11, 25, 11), at(2026, 11, 25, 12)],
    ['2027年1月 5日 (火曜日)⋅午後3:00～4:00', at(2027, 1, 5, 15), at(2027, 1, 5, 16)],
    ['11月 24日 (火曜日)⋅16:00〜16:45', at(2026, 11, 24, 16), at(2026, 11, 24, 16, 45)],
  ];
  it.each(cases)('%s', (text, start, end) => {
    expect(parseEventTime(text, NOW)).toEqual({ start, end, allDay: false });
  });

  it('reads all-day events and uses a known grid date over the text', () => {
    expect(parseEventTime('Tuesday, November 24', NOW)).toEqual({
      start: at(2026, 11, 24),
      end: at(2026, 11, 25),
      allDay: true,
    });
    expect(parseEventTime('10am to 10:30am', NOW, { year: 2031, month: 2, day: 3 })?.start).toBe(
      at(2031, 2, 3, 10),
    );
  });

  it('gives up on text without a date', () => {
    expect(parseEventTime('Weekly on Tuesday', NOW)).toBeNull();
    expect(parseEventTime('', NOW)).toBeNull();
  });

  it('decodes grid date keys', () => {
    expect(decodeDateKey('29048')).toEqual({ year: 2026, month: 11, day: 24 });
    expect(decodeDateKey('29057')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(decodeDateKey('nope')).toBeNull();
    expect(decodeDateKey(0)).toBeNull();
  });
});

describe('parseEditPage', () => {
  const location = {
    pathname: `/calendar/u/1/r/eventedit/${encodeEventId('aiko1on1_20261124T010000Z', 'ben.suzuki@example.com')}`,
  };

  function renderedEditPage(): Document {
    const doc = loadFixture('calendar/edit.html');
    const form = doc.querySelector<HTMLTemplateElement>('#form')!;
    doc.getElementById('app')!.replaceChildren(form.content.cloneNode(true));
    doc.querySelector<HTMLInputElement>('#xTiIn')!.value = '1on1 Aiko / Ben';
    return doc;
  }

  it('reads an existing event on /u/<n>/ once the page is ready', () => {
    expect(parseEditPage(loadFixture('calendar/edit.html'), location)).toBeNull();
    expect(parseEditPage(renderedEditPage(), location)).toEqual({
      eventId: 'aiko1on1_20261124T010000Z',
      seriesId: 'aiko1on1',
      title: '1on1 Aiko / Ben',
      start: Date.UTC(2026, 10, 24, 1),
      end: null,
      meetCode: 'abc-defg-hij',
      guests: [
        { email: 'ben.suzuki@example.com', name: 'Ben Suzuki' },
        { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka' },
        {
          email: 'c_1889abc@resource.calendar.google.com',
          name: 'Tokyo-3F-Room A',
          isResource: true,
        },
      ],
      organizerEmail: 'ben.suzuki@example.com',
      selfEmail: 'ben.suzuki@example.com',
    });
  });

  it('ignores a new event and other pages', () => {
    expect(editPageEventId({ pathname: '/calendar/u/0/r/eventedit' })).toBeNull();
    expect(editPageEventId({ pathname: '/calendar/u/0/r/week/2026/11/24' })).toBeNull();
    expect(parseEditPage(renderedEditPage(), { pathname: '/calendar/r/week' })).toBeNull();
  });
});

describe('parseChips', () => {
  it('reads titles and times of timed, all-day and recurring chips, skipping tasks', () => {
    const chips = parseChips(loadFixture('calendar/week.html'), NOW);
    const byId = new Map(chips.map((c) => [c.eventId, c]));
    expect(byId.has('tasks_expenses')).toBe(false);
    expect(byId.get('aiko1on1_20261124T010000Z')).toEqual({
      eventId: 'aiko1on1_20261124T010000Z',
      seriesId: 'aiko1on1',
      title: '1on1 Aiko / Ben',
      start: at(2026, 11, 24, 10),
      end: at(2026, 11, 24, 10, 30),
    });
    expect(byId.get('aiko1on1_20261201T010000Z')?.start).toBe(at(2026, 12, 1, 10));
    expect(byId.get('designsync_20261126T050000Z')).toMatchObject({
      title: 'Design sync',
      start: at(2026, 11, 26, 14),
    });
    expect(byId.get('offsite20261123')).toMatchObject({
      title: 'Team offsite',
      start: at(2026, 11, 23),
      end: at(2026, 11, 24),
    });
    expect(byId.get('yamada1on1')?.title).toBe('1対1 山田さん');
  });
});

describe('parseChips in the month view', () => {
  it.each(['en', 'ja'])('reads stacked chips and their times (%s)', (lang) => {
    const chips = parseChips(loadFixture(`calendar/month-${lang}.html`), NOW);
    const byId = new Map(chips.map((c) => [c.eventId, c]));
    expect(byId.get('aiko1on1_20261124T010000Z')).toMatchObject({
      title: '1on1 Aiko / Ben',
      start: at(2026, 11, 24, 10),
      end: at(2026, 11, 24, 10, 30),
    });
    expect(byId.get('yamada1on1')).toMatchObject({
      title: '1対1 山田さん',
      start: at(2026, 11, 26, 15),
      end: at(2026, 11, 26, 15, 30),
    });
    expect(byId.get('offsite20261123')).toMatchObject({
      start: at(2026, 11, 23),
      end: at(2026, 11, 24),
    });
  });
});

describe('calendarProblems', () => {
  it('is quiet on a healthy grid, with a task open, and on a ready edit page', () => {
    expect(calendarProblems(loadFixture('calendar/week.html'), shown)).toEqual([]);
    expect(calendarProblems(openEvent('task').doc, shown)).toEqual([]);
    expect(calendarProblems(openEvent('aiko').doc, shown)).toEqual([]);
  });

  it('names what is missing when the page changed shape', () => {
    const { doc, popover } = openEvent('aiko');
    popover.querySelector('#xDetDlg')!.removeAttribute('id');
    expect(calendarProblems(doc, shown)).toEqual(['event-card']);
    for (const cell of doc.querySelectorAll('[data-datekey], [data-eventid]')) {
      cell.removeAttribute('data-datekey');
      cell.removeAttribute('data-eventid');
    }
    expect(calendarProblems(doc, shown)).toContain('grid');
    doc.body.removeAttribute('data-viewfamily');
    expect(calendarProblems(doc, shown)).toEqual(['view-family']);
    expect(calendarProblems(loadFixture('calendar/edit.html'), shown)).toEqual(['edit-page']);
  });
});
