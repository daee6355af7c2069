import type { Guest } from '@/utils/domain/classify';
import type { Inputs } from '@/utils/messaging/inputs';
import { meetCodeFrom } from '../meet-url';
import { decodeEventId, isPersonalCalendar } from './event-id';
import { CALENDAR, queryFirst, textOf } from './selectors';
import { decodeDateKey, hasDateOrTime, parseEventTime, type CalendarDate } from './when';

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

/** The first text a row shows: its name, before the role and response lines. */
function firstText(row: Element): string {
  const walker = row.ownerDocument.createTreeWalker(row, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return '';
}

/**
 * The guests of a card or edit page: people, rooms (resources) and groups told apart. Rows are
 * found by what they carry (an address, the tree-item role), so the reader does not depend on
 * which block holds them: Google moved them out of #xDetDlgAtt (docs/google-pages.md).
 */
export function parseGuests(
  root: ParentNode | null,
  rowSelectors: readonly string[],
): {
  guests: Guest[];
  organizerEmail: string | null;
} {
  const guests: Guest[] = [];
  const seen = new Set<string>();
  let organizerEmail: string | null = null;
  const rows = new Set(
    rowSelectors.flatMap((s) => [...(root?.querySelectorAll<HTMLElement>(s) ?? [])]),
  );
  for (const row of rows) {
    // A row's own data-email wins; the hovercard id is an address on person rows only.
    const raw = row.dataset.email || row.dataset.hovercardId || row.dataset.id || '';
    const email = raw.trim().toLowerCase();
    if (!email.includes('@') || seen.has(email)) continue;
    seen.add(email);
    let name = firstText(row);
    for (let previous = ''; previous !== name;) {
      previous = name;
      name = name.replace(ROLE_WORDS, '');
    }
    const organizer =
      row.matches(CALENDAR.organizerRow) ||
      ORGANIZER.test(row.getAttribute('aria-label') ?? '') ||
      ORGANIZER.test(textOf(row));
    if (organizer && !organizerEmail) organizerEmail = email;
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

const MEET_URL = /https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}\b/;

/** The date of the grid cell holding this event's chip, when the chip is on screen. */
function gridDateOf(doc: Document, encodedId: string) {
  // Looked up by its id (base64url), not by walking every chip: a month view holds hundreds.
  if (!/^[\w-]+$/.test(encodedId)) return null;
  const selector = CALENDAR.chips.map((s) => `${s}[data-eventid="${encodedId}"]`).join(',');
  for (const chip of doc.querySelectorAll<HTMLElement>(selector)) {
    const key = chip.closest<HTMLElement>(CALENDAR.dateCell)?.dataset.datekey;
    if (key) return decodeDateKey(key);
  }
  return null;
}

/**
 * The parts of a block that are not `title` nor inside it: the largest subtrees (and loose
 * texts) beside the title, in order. In the 2026 popover #xDetDlgWhen holds the title and the
 * time line side by side, and a title may itself hold a time ("1:1 (moved from 9am)").
 */
function partsBeside(block: Element, title: Element | null): string[] {
  if (!title || !block.contains(title)) return [textOf(block)].filter(Boolean);
  const parts: string[] = [];
  const visit = (el: Element) => {
    for (const child of el.childNodes) {
      if (child === title) continue;
      if (child.nodeType === 3) {
        const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text) parts.push(text);
      } else if (child.nodeType === 1) {
        if ((child as Element).contains(title)) visit(child as Element);
        else if (textOf(child as Element)) parts.push(textOf(child as Element));
      }
    }
  };
  visit(block);
  return parts;
}

/** The title element: #rAECCd, the dialog's aria-labelledby target, or the card's heading. */
function titleElement(details: HTMLElement): HTMLElement | null {
  const byId = details.querySelector<HTMLElement>(CALENDAR.title[0]);
  if (byId) return byId;
  const labelledBy = details.closest('[role="dialog"]')?.getAttribute('aria-labelledby');
  const target = labelledBy ? details.ownerDocument.getElementById(labelledBy) : null;
  if (target && details.contains(target)) return target;
  return queryFirst(details, CALENDAR.title);
}

/** The first of `lines` that holds a date, read as the event's time. */
function firstTime(lines: readonly string[], now: number, known: CalendarDate | null) {
  for (const line of lines) {
    if (!hasDateOrTime(line)) continue;
    const time = parseEventTime(line, now, known);
    if (time) return time;
  }
  return null;
}

/** The event id named in a `jslog` attribute ("35389; 2:[\"<eventId>\",…]"), or null. */
function jslogEventId(jslog: string | null): string | null {
  return /\b2:\["([^"]+)"/.exec(jslog ?? '')?.[1] ?? null;
}

/**
 * What the page itself claims that the reader could not confirm:
 * - `guests`: the summary says N guests, but no rows (or too few to rule out a group) were read;
 * - `time`: there is a time line, but no time could be read from it;
 * - `stale`: the card's id changed but its content still belongs to another event (Google
 *   changes a reused card's attributes and children separately).
 */
export type CardProblem = 'guests' | 'time' | 'stale';

export interface CardReading {
  /** What to record; null for what is not an event, and whenever there is a problem. */
  event: CalendarEventReport | null;
  problems: CardProblem[];
  /** The encoded event id the reading is for: state is keyed on it, never on the element. */
  key: string;
}

/** The guest count the summary line states ("4 guests", "ゲスト 4 人"), or null. */
export function claimedGuestCount(details: ParentNode): number | null {
  const summary = details.querySelector(CALENDAR.guestSummary);
  if (!summary) return null;
  const first = firstText(summary).normalize('NFKC');
  const match = /\d+/.exec(first);
  return match ? Number(match[0]) : null;
}

/**
 * Reads an open event card and checks the reading against what the card itself claims. A card
 * that says "4 guests" while no row was read, a time line without a time, or content that
 * belongs to another event, is reported as a problem and nothing is recorded from it.
 */
export function readEventCard(details: HTMLElement, now = Date.now()): CardReading {
  const key = details.dataset.eventid ?? '';
  const id = decodeEventId(key);
  if (!id || id.eventId.startsWith('tasks_')) return { event: null, problems: [], key };
  const doc = details.ownerDocument;
  const problems: CardProblem[] = [];

  const titleEl = titleElement(details);
  const fullTitle = textOf(titleEl);
  const conference = details.querySelector<HTMLElement>(CALENDAR.conference);
  const detailLines = (conference?.dataset.details ?? '').split('\n').map((l) => l.trim());

  // A reused card whose parts still name another event than its id (Google changes its
  // data-eventid, jslog and children separately): not read until they agree.
  const isThis = (named: string | null) => !named || named === id.eventId || named === id.seriesId;
  const staleLog = [details, ...details.querySelectorAll('[jslog]')].some(
    (el) => !isThis(jslogEventId(el.getAttribute('jslog'))),
  );
  const detailsTitle = (detailLines[0] ?? '').replace(/\s+/g, ' ').trim();
  if (staleLog || (detailsTitle && fullTitle && detailsTitle !== fullTitle)) {
    return { event: null, problems: ['stale'], key };
  }

  const whenBlock = queryFirst(details, CALENDAR.when);
  const known = gridDateOf(doc, key);
  const whenParts = whenBlock ? partsBeside(whenBlock, titleEl) : [];
  const time = firstTime(whenParts, now, known) ?? firstTime(detailLines.slice(1), now, known);
  if (!time && whenParts.some(hasDateOrTime)) problems.push('time');

  const { guests, organizerEmail } = parseGuests(details, CALENDAR.guestRows);
  const claimed = claimedGuestCount(details);
  // Fewer rows than claimed is harmless for a group (three or more read already), never for
  // what could look like a 1on1: an unread row could be the third person.
  if (claimed !== null && guests.length < claimed && guests.length <= 2) problems.push('guests');

  const linkCode = meetCodeIn(details, CALENDAR.meetLink);
  const detailsCode = MEET_URL.exec(conference?.dataset.details ?? '')?.[0];
  const event: CalendarEventReport = {
    eventId: id.eventId,
    seriesId: id.seriesId,
    title: fullTitle.slice(0, 1000),
    start: time?.start ?? id.instanceStart,
    end: time?.end ?? null,
    meetCode: linkCode ?? (detailsCode ? meetCodeFrom(new URL(detailsCode)) : null),
    guests: guests.slice(0, 500),
    organizerEmail,
    selfEmail: isPersonalCalendar(id.calendarId) ? id.calendarId.toLowerCase() : null,
  };
  return { event: problems.length ? null : event, problems, key };
}

/**
 * Reads an open event card. Null for what is not an event (a task, an unknown id encoding) and
 * for a card read only in part, so nothing half-read reaches the database.
 */
export function parseEventCard(details: HTMLElement, now = Date.now()): CalendarEventReport | null {
  return readEventCard(details, now).event;
}
