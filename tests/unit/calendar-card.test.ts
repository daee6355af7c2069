import { describe, expect, it } from 'vitest';
import {
  claimedGuestCount,
  findOpenEventCard,
  parseEventCard,
  readEventCard,
} from '@/utils/google/calendar/event-card';
import { calendarProblems } from '@/utils/google/calendar/health';
import { loadFixture, shownUnlessDisplayNone as shown } from './helpers/fixtures';
import { openEvent, openHandBuilt, rerender, type FixtureEvent } from './helpers/calendar';

const NOW = new Date(2026, 10, 22, 9, 0).getTime();
const at = (y: number, mo: number, d: number, h: number, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).getTime();

function readOpen(doc: Document) {
  const card = findOpenEventCard(doc, shown);
  return card ? readEventCard(card.details, NOW) : null;
}
const parseOpen = (doc: Document) => readOpen(doc)?.event ?? null;

const AIKO = {
  eventId: 'aiko1on1_20261124T010000Z',
  seriesId: 'aiko1on1',
  title: '1on1 Aiko / Ben',
  start: at(2026, 11, 24, 10),
  end: at(2026, 11, 24, 10, 30),
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
};

describe('the real-markup popover (tests/fixtures/calendar/popover.mjs)', () => {
  for (const japanese of [false, true]) {
    const lang = japanese ? 'Japanese (24-hour)' : 'English';

    it(`${lang}: reads a recurring 1on1 with its guest rows outside #xDetDlgAtt`, () => {
      const { doc } = openEvent('aiko', { japanese });
      // The summary holds no rows: the reader must find them in the sibling tree.
      expect(doc.querySelectorAll('#xDetDlgAtt [data-email]')).toHaveLength(0);
      expect(claimedGuestCount(doc)).toBe(3);
      expect(readOpen(doc)).toEqual({ event: AIKO, problems: [], key: expect.any(String) });
    });

    it(`${lang}: takes the time from the time line, never from a title holding a time`, () => {
      const event = parseOpen(openEvent('moved', { japanese }).doc)!;
      expect(event.title).toMatch(/9/);
      expect([event.start, event.end]).toEqual([at(2026, 11, 27, 14), at(2026, 11, 27, 14, 30)]);
    });

    it(`${lang}: tells rooms and groups from people, and finds no single other person`, () => {
      const design = parseOpen(openEvent('design', { japanese }).doc)!;
      expect(design.guests.filter((g) => g.isGroup).map((g) => g.email)).toEqual([
        'design@example.com',
      ]);
      expect(design.guests.filter((g) => g.isResource)).toHaveLength(1);
      const team = parseOpen(openEvent('team', { japanese }).doc)!;
      expect(team.guests).toHaveLength(5);
      expect(team.guests.find((g) => g.email === 'eng-team@example.com')?.isGroup).toBe(true);
      expect([team.start, team.end]).toEqual([at(2026, 11, 25, 11), at(2026, 11, 25, 12)]);
    });

    it(`${lang}: a card that says 2 guests while no row can be read is a problem, not a 1on1`, () => {
      const { doc } = openEvent('unreadable', { japanese });
      expect(readOpen(doc)).toEqual({ event: null, problems: ['guests'], key: expect.any(String) });
      expect(calendarProblems(doc, shown)).toEqual(['guests']);
    });

    it(`${lang}: a reused card is read for the event it shows now, never half-switched`, () => {
      let fill: (() => void) | undefined;
      const { doc } = openEvent('aiko', { japanese });
      const before = findOpenEventCard(doc, shown)!.details;
      openEvent('team', { doc, japanese, settle: (f) => (fill = f) });
      const card = findOpenEventCard(doc, shown)!;
      // Google keeps the element and changes its id first: the old children are not read as the new event.
      expect(card.details).toBe(before);
      expect(readEventCard(card.details, NOW)).toMatchObject({ event: null, problems: ['stale'] });
      fill!();
      expect(readEventCard(card.details, NOW).event?.title).toBe('Team weekly');
      openEvent('yamada', { doc, japanese });
      expect(parseOpen(doc)).toMatchObject({
        title: '1対1 山田さん',
        guests: [
          { email: 'ben.suzuki@example.com' },
          { email: 'taro.yamada@example.com', name: '山田 太郎' },
        ],
      });
    });
  }

  it('a card whose id changed alone (its parts still name the old event) is stale', () => {
    const { doc } = openEvent('aiko');
    const details = findOpenEventCard(doc, shown)!.details;
    details.dataset.eventid = doc.querySelector<HTMLElement>(
      '[data-fixture-event="yamada"]',
    )!.dataset.eventid!;
    expect(readEventCard(details, NOW)).toMatchObject({ event: null, problems: ['stale'] });
  });

  it('a title with odd spacing or of any length is not taken for another event', () => {
    const { doc, popover } = openEvent('yamada');
    const title = popover.querySelector('#rAECCd')!;
    const video = popover.querySelector<HTMLElement>('#xDetDlgVideo')!;
    const long = `1対1  山田さん ${'x'.repeat(1200)}`;
    title.textContent = long;
    video.dataset.details = `${long}\n${video.dataset.details!.split('\n').slice(1).join('\n')}`;
    const event = parseOpen(doc)!;
    expect(event.title).toHaveLength(1000);
    expect(event.title.startsWith('1対1 山田さん')).toBe(true);
  });

  it('reads the content list again after Google re-renders it', () => {
    const { doc, popover } = openEvent('aiko');
    const before = parseOpen(doc);
    rerender(popover, 'aiko');
    expect(parseOpen(doc)).toEqual(before);
  });

  it('keeps a hostile title and guest name as plain text', () => {
    const { doc } = openEvent('hostile');
    const event = parseOpen(doc)!;
    expect(event.title).toBe(`1on1 <img src=x onerror="document.body.dataset.pwned='title'">`);
    expect(event.guests[1]!.name).toContain('<img');
    expect(doc.querySelector('#xDetDlg img[src=x]')).toBeNull();
  });

  it('falls back on the conference row for the time when the time line is gone', () => {
    const { doc } = openEvent('aiko');
    doc.querySelector('#xDetDlgWhen .AzuXid')!.remove();
    expect(parseOpen(doc)).toMatchObject({
      start: at(2026, 11, 24, 10),
      end: at(2026, 11, 24, 10, 30),
    });
  });

  it('says so when a time line is there but no time can be read', () => {
    const { doc } = openEvent('aiko');
    doc.querySelector('#xDetDlgVideo')!.remove();
    // The week shown no longer holds the event's chip, so no grid date helps either.
    for (const cell of doc.querySelectorAll('[data-datekey]')) cell.removeAttribute('data-datekey');
    doc.querySelector('#xDetDlgWhen .AzuXid')!.textContent = '24/11 ⋅ 10:00 – 10:30';
    expect(readOpen(doc)).toMatchObject({ event: null, problems: ['time'] });
  });

  it('finds the same reused dialog again, and ignores a task card', () => {
    const { doc, popover } = openEvent('aiko');
    expect(findOpenEventCard(doc, shown)?.dialog).toBe(popover);
    openEvent('task', { doc });
    expect(findOpenEventCard(doc, shown)).toBeNull();
    expect(calendarProblems(doc, shown)).toEqual([]);
  });

  it('refuses a details block whose id is not an event id', () => {
    const { doc } = openEvent('aiko');
    const details = findOpenEventCard(doc, shown)!.details;
    details.dataset.eventid = 'not base64 at all!';
    expect(parseEventCard(details, NOW)).toBeNull();
    details.dataset.eventid = btoa('tasks_x someone@example.com');
    expect(parseEventCard(details, NOW)).toBeNull();
  });

  it('finds nothing while only hidden leftover dialogs exist', () => {
    const doc = loadFixture('calendar/week.html');
    expect(doc.querySelectorAll('#xDetDlg').length).toBeGreaterThan(0);
    expect(findOpenEventCard(doc, shown)).toBeNull();
  });

  it('reads every event of the fixture in both languages the same way', () => {
    const events: FixtureEvent[] = ['aiko', 'moved', 'team', 'yamada', 'design', 'hostile'];
    for (const name of events) {
      const en = parseOpen(openEvent(name).doc)!;
      const ja = parseOpen(openEvent(name, { japanese: true }).doc)!;
      expect(en).not.toBeNull();
      expect({ ...ja, title: '' }).toEqual({ ...en, title: '' });
    }
  });
});

describe('hand-built cards (an older shape, not evidence)', () => {
  it('reads rows kept inside #xDetDlgAtt and the time as its first line', () => {
    const en = parseOpen(openHandBuilt('aiko').doc);
    expect(en).toEqual(AIKO);
    expect(parseOpen(openHandBuilt('aiko', { japanese: true }).doc)).toEqual(en);
    const yamada = parseOpen(openHandBuilt('yamada').doc)!;
    expect(yamada.guests).toContainEqual({ email: 'taro.yamada@example.com', name: '山田 太郎' });
  });

  it('reads an older card: no data-chips-dialog, hovercard guests, Meet link in the notes', () => {
    const doc = loadFixture('calendar/older-card.html');
    const card = findOpenEventCard(doc, shown)!;
    expect(parseEventCard(card.details, NOW)).toEqual({
      eventId: 'peerchat',
      seriesId: 'peerchat',
      title: 'Peer chat',
      start: at(2026, 11, 24, 16),
      end: at(2026, 11, 24, 16, 45),
      meetCode: 'pqr-stuv-wxy',
      guests: [
        { email: 'aiko.tanaka@gmail.com', name: 'Aiko Tanaka' },
        { email: 'chris.ito@example.com', name: 'Chris Ito' },
      ],
      organizerEmail: 'aiko.tanaka@gmail.com',
      selfEmail: 'aiko.tanaka@gmail.com',
    });
  });
});
