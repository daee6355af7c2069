import type { Guest } from '@/utils/domain/classify';
import type { Inputs } from '@/utils/messaging/inputs';
import { meetCodeFrom } from '../meet-url';
import { decodeEventId, isPersonalCalendar } from './event-id';
import { CALENDAR, queryFirst, textOf } from './selectors';
import { decodeDateKey, parseEventTime } from './when';

/** What Taiwa reports about one calendar event: what the page shows, nothing more. */
export type CalendarEventReport = Inputs['recordCalendarEvent'];

/** Whether an element takes up space on screen (hidden leftover dialogs stay in the DOM). */
export type VisibilityCheck = (el: Element) => boolean;

export const isRendered: VisibilityCheck = (el) => el.getClientRects().length > 0;

/** An open event card: the dialog (to place the panel beside) and its details block. */
export interface OpenCard {
  dialog: HTMLElement;
  details: HTMLElement;
}

/**
 * The event card the user has open, or null. Keyed by content, never by element identity:
 * Google reuses one dialog for every event it shows, and leaves hidden ones behind.
 */
export function findOpenEventCard(
  doc: Document,
  isVisible: VisibilityCheck = isRendered,
): OpenCard | null {
  for (const selector of CALENDAR.cardDetails) {
    for (const details of doc.querySelectorAll<HTMLElement>(selector)) {
      const dialog = details.closest<HTMLElement>('[role="dialog"]');
      if (dialog && isVisible(details)) return { dialog, details };
    }
  }
  return null;
}

const ROLE_WORDS = /\s*[(（]?\s*(organizer|optional|主催者|任意|出欠確認なし)\s*[)）]?\s*$/i;
const ORGANIZER = /(organizer|主催者)/i;
const RESOURCE = /@resource\.calendar\.google\.com$/i;

/** The guests of a guest block: people, rooms (resources) and groups told apart. */
export function parseGuests(
  block: ParentNode | null,
  rowSelector: string,
): {
  guests: Guest[];
  organizerEmail: string | null;
} {
  const guests: Guest[] = [];
  const seen = new Set<string>();
  let organizerEmail: string | null = null;
  for (const row of block?.querySelectorAll<HTMLElement>(rowSelector) ?? []) {
    // A row's own data-email wins; the hovercard id is an address on person rows only.
    const raw = row.dataset.email || row.dataset.hovercardId || row.dataset.id || '';
    const email = raw.trim().toLowerCase();
    if (!email.includes('@') || seen.has(email)) continue;
    seen.add(email);
    const text = textOf(row);
    let name = text;
    for (let previous = ''; previous !== name;) {
      previous = name;
      name = name.replace(ROLE_WORDS, '');
    }
    if (ORGANIZER.test(text) && !organizerEmail) organizerEmail = email;
    guests.push({
      email,
      ...(name && name !== email ? { name: name.slice(0, 1000) } : {}),
      ...(RESOURCE.test(email) ? { isResource: true } : {}),
      ...(row.querySelector(CALENDAR.groupToggle) || row.matches(CALENDAR.groupToggle)
        ? { isGroup: true }
        : {}),
    });
  }
  return { guests, organizerEmail };
}

/** The Meet code of the first Meet link under `root`, or null. */
export function meetCodeIn(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    for (const link of root.querySelectorAll<HTMLAnchorElement>(selector)) {
      try {
        const code = meetCodeFrom(new URL(link.getAttribute('href') ?? ''));
        if (code) return code;
      } catch {
        // Not a URL: try the next link.
      }
    }
  }
  return null;
}

/** The date of the grid cell holding this event's chip, when the chip is on screen. */
function gridDateOf(doc: Document, encodedId: string) {
  for (const chip of doc.querySelectorAll<HTMLElement>(CALENDAR.chips.join(','))) {
    if (chip.dataset.eventid !== encodedId) continue;
    const key = chip.closest<HTMLElement>(CALENDAR.dateCell)?.dataset.datekey;
    if (key) return decodeDateKey(key);
  }
  return null;
}

/**
 * Reads an open event card. Null for what is not an event (a task, an unknown id encoding), so
 * nothing half-read reaches the database.
 */
export function parseEventCard(details: HTMLElement, now = Date.now()): CalendarEventReport | null {
  const encoded = details.dataset.eventid ?? '';
  const id = decodeEventId(encoded);
  if (!id || id.eventId.startsWith('tasks_')) return null;
  const doc = details.ownerDocument;
  const whenBlock = queryFirst(details, CALENDAR.when);
  // The first line is the date and time; a second one describes the recurrence.
  const whenText = textOf(whenBlock?.firstElementChild ?? whenBlock);
  const time = whenText ? parseEventTime(whenText, now, gridDateOf(doc, encoded)) : null;
  const start = time?.start ?? id.instanceStart;
  const { guests, organizerEmail } = parseGuests(
    queryFirst(details, CALENDAR.guests),
    CALENDAR.guestRow,
  );
  return {
    eventId: id.eventId,
    seriesId: id.seriesId,
    title: textOf(queryFirst(details, CALENDAR.title)).slice(0, 1000),
    start,
    end: time?.end ?? null,
    meetCode: meetCodeIn(details, CALENDAR.meetLink),
    guests: guests.slice(0, 500),
    organizerEmail,
    selfEmail: isPersonalCalendar(id.calendarId) ? id.calendarId.toLowerCase() : null,
  };
}
