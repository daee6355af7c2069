import { describe, expect, it } from 'vitest';
import { findOpenEventCard, parseEventCard } from '@/utils/google/calendar/event-card';
import { loadFixture, shownUnlessDisplayNone as shown } from './helpers/fixtures';
import { openEvent } from './helpers/calendar';

const NOW = new Date(2026, 10, 22, 9, 0).getTime();
const at = (y: number, mo: number, d: number, h: number, mi = 0) =>
  new Date(y, mo - 1, d, h, mi).getTime();

function parseOpen(doc: Document) {
  const card = findOpenEventCard(doc, shown);
  return card ? parseEventCard(card.details, NOW) : null;
}

describe('findOpenEventCard', () => {
  it('finds nothing while only hidden leftover dialogs exist', () => {
    const doc = loadFixture('calendar/week.html');
    expect(doc.querySelectorAll('#xDetDlg').length).toBeGreaterThan(0);
    expect(findOpenEventCard(doc, shown)).toBeNull();
  });

  it('finds the same reused dialog again, now showing another event', () => {
    const { doc, popover } = openEvent('aiko');
    expect(findOpenEventCard(doc, shown)?.dialog).toBe(popover);
    openEvent('yamada', { doc });
    const card = findOpenEventCard(doc, shown);
    expect(card?.dialog).toBe(popover);
    expect(parseEventCard(card!.details, NOW)?.title).toBe('1対1 山田さん');
  });

  it('ignores a task card, which has no event details block', () => {
    const { doc } = openEvent('task');
    expect(findOpenEventCard(doc, shown)).toBeNull();
  });

  it('reads the re-rendered content: a new details block for the same event', () => {
    const { doc } = openEvent('aiko');
    const before = findOpenEventCard(doc, shown)!.details;
    openEvent('aiko', { doc });
    const after = findOpenEventCard(doc, shown)!.details;
    expect(after).not.toBe(before);
    expect(parseEventCard(after, NOW)).toEqual(parseEventCard(before, NOW));
  });
});

describe('parseEventCard', () => {
  it('reads a recurring 1on1 instance in English, with a room among the guests', () => {
    const event = parseOpen(openEvent('aiko').doc);
    expect(event).toEqual({
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
    });
  });

  it('reads the Japanese UI the same way', () => {
    const en = parseOpen(openEvent('aiko').doc);
    const ja = parseOpen(openEvent('aiko', { japanese: true }).doc);
    expect(ja).toEqual(en);
    const team = parseOpen(openEvent('team', { japanese: true }).doc)!;
    expect([team.start, team.end]).toEqual([at(2026, 11, 25, 11), at(2026, 11, 25, 12)]);
    const yamada = parseOpen(openEvent('yamada', { japanese: true }).doc)!;
    expect([yamada.start, yamada.end]).toEqual([at(2026, 11, 26, 15), at(2026, 11, 26, 15, 30)]);
  });

  it('reads a guest known only by hovercard id, and a single event as its own series', () => {
    const event = parseOpen(openEvent('yamada').doc)!;
    expect(event.seriesId).toBe('yamada1on1');
    expect(event.guests).toContainEqual({ email: 'taro.yamada@example.com', name: '山田 太郎' });
    expect(event.meetCode).toBe('kln-mnop-qrs');
  });

  it('tells groups (expandable rows) and rooms from people', () => {
    const event = parseOpen(openEvent('design').doc)!;
    expect(event.guests.filter((g) => g.isGroup).map((g) => g.email)).toEqual([
      'design@example.com',
    ]);
    expect(event.guests.filter((g) => g.isResource)).toHaveLength(1);
    const team = parseOpen(openEvent('team').doc)!;
    expect(team.guests.find((g) => g.email === 'eng-team@example.com')?.isGroup).toBe(true);
  });

  it('keeps a hostile title and guest name as plain text', () => {
    const { doc } = openEvent('hostile');
    const event = parseOpen(doc)!;
    expect(event.title).toBe(`1on1 <img src=x onerror="document.body.dataset.pwned='title'">`);
    expect(event.guests[1]!.name).toContain('<img');
    expect(doc.querySelector('#xDetDlg img')).toBeNull();
  });

  it('reads an older card: no data-chips-dialog, hovercard guests, Meet link in the notes', () => {
    const doc = loadFixture('calendar/older-card.html');
    const card = findOpenEventCard(doc, shown)!;
    expect(card).not.toBeNull();
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

  it('refuses a details block whose id is not an event id', () => {
    const { doc } = openEvent('aiko');
    const details = findOpenEventCard(doc, shown)!.details;
    details.dataset.eventid = 'not base64 at all!';
    expect(parseEventCard(details, NOW)).toBeNull();
    details.dataset.eventid = btoa('tasks_x someone@example.com');
    expect(parseEventCard(details, NOW)).toBeNull();
  });
});
