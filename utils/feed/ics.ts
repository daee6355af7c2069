import ICAL from 'ical.js';
import type { Guest } from '@/utils/domain/classify';
import type { FeedFlaw } from '@/utils/messaging/feed-status';
import { feedEventIds } from './event-ids';
import { PrefilterFlaw, prefilter, type ParseWindow, type Prefiltered } from './prefilter';

export type { ParseWindow } from './prefilter';
import { wallClockToUtc } from './time-zones';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

/** A feed Taiwa cannot read: not a calendar at all, or a calendar with a broken part. */
export class FeedParseError extends Error {
  constructor(
    readonly kind: 'not-ics' | 'malformed',
    readonly flaw?: FeedFlaw,
    /** The broken event's position in the file (1 = the first VEVENT). */
    readonly eventNumber?: number,
  ) {
    super(
      kind === 'not-ics'
        ? 'Not an iCalendar file.'
        : `Malformed calendar (${flaw}${eventNumber ? `, event ${eventNumber}` : ''}).`,
    );
  }
}

/** One occurrence of an event in the window read, with what classifying it needs. */
export interface FeedOccurrence {
  /** The event id Google Calendar's page shows for it (event-ids.ts), or `ical:…` elsewhere. */
  eventId: string;
  seriesId: string;
  title: string;
  start: number;
  end: number;
  allDay: boolean;
  /** Attendees as the page lists guests (the organizer among them), lowercased addresses. */
  guests: Guest[];
  organizerEmail: string | null;
  meetCode: string | null;
  /** Attendees who declined (lowercased): a 1on1 the user declined is not recorded. */
  declined: string[];
  /** An attendee without a readable address: who the other person is cannot be known. */
  unreadableGuests: boolean;
}

/**
 * The calendar's owner when the feed does not say (Outlook names its calendar "Calendar"): the
 * address among the guests of nearly every event with guests. Null when no one stands out.
 */
export function likelyOwner(occurrences: readonly FeedOccurrence[]): string | null {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  let withGuests = 0;
  for (const o of occurrences) {
    // Each event once, however often it repeats.
    if (!o.guests.length || seen.has(o.seriesId)) continue;
    seen.add(o.seriesId);
    withGuests++;
    for (const g of o.guests) counts.set(g.email, (counts.get(g.email) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && withGuests >= 3 && best[1] >= 0.8 * withGuests ? best[0] : null;
}

export interface ParsedFeed {
  calendarName: string | null;
  /** X-WR-CALNAME when it is an address: Google names a person's calendar by its id. */
  calendarEmail: string | null;
  /** VEVENTs in the file. */
  events: number;
  occurrences: FeedOccurrence[];
}

/** Repeats a series may take to reach the window; more is a rule no calendar means. */
const MAX_REPEATS = 100_000;
/** A 1on1 never repeats every second, minute or hour: such series are not expanded. */
const SUB_DAILY = new Set(['SECONDLY', 'MINUTELY', 'HOURLY']);
const MAX_TITLE = 1_000;
const MAX_EMAIL = 320;
const DAY = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const MEET_LINK = /https:\/\/meet\.google\.com\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?![a-z])/;

/**
 * Reads an iCalendar feed (Google's secret address, Outlook's published calendar, any ICS) with
 * ical.js: recurrence rules with their exceptions (EXDATE, moved and cancelled instances by
 * RECURRENCE-ID), time zones (the file's VTIMEZONEs, else the IANA name through Intl, else the
 * calendar's X-WR-TIMEZONE for floating times), all-day events. Answers every occurrence that
 * touches the window. Throws {@link FeedParseError} for anything it cannot read whole: a file
 * read in part is never taken for the calendar.
 */
export function parseFeed(text: string, window: ParseWindow): ParsedFeed {
  try {
    return readFeed(text, window);
  } catch (error) {
    // Whatever else ical.js may throw on a hostile file is a refusal too, never a crash.
    if (error instanceof FeedParseError) throw error;
    throw new FeedParseError('malformed', 'structure');
  }
}

function readFeed(text: string, window: ParseWindow): ParsedFeed {
  const body = text.replace(/^\uFEFF/, '');
  // The first and the last line, without splitting megabytes into lines.
  if (!/^\s*BEGIN:VCALENDAR[ \t]*(\r?\n|$)/i.test(body.slice(0, 200))) {
    throw new FeedParseError('not-ics');
  }
  if (!/(^|\n)[ \t]*END:VCALENDAR\s*$/i.test(body.slice(-200))) {
    throw new FeedParseError('malformed', 'truncated');
  }
  let kept: Prefiltered;
  try {
    kept = prefilter(body, window);
  } catch (error) {
    if (error instanceof PrefilterFlaw) {
      throw new FeedParseError('malformed', error.flaw, error.eventNumber);
    }
    throw error;
  }
  let jcal: unknown[];
  try {
    jcal = ICAL.parse(kept.text) as unknown[];
  } catch {
    throw new FeedParseError('malformed', 'structure');
  }
  const roots = (typeof jcal[0] === 'string' ? [jcal] : jcal) as unknown[][];
  const calendars = roots
    .filter((root) => Array.isArray(root) && root[0] === 'vcalendar')
    .map((root) => new ICAL.Component(root as never));
  const [first] = calendars;
  if (!first) throw new FeedParseError('not-ics');

  // The file's own time zones, and only them: a zone Outlook defined its own way never leaks
  // into the next feed read.
  ICAL.TimezoneService.reset();
  for (const zone of calendars.flatMap((c) => c.getAllSubcomponents('vtimezone'))) {
    // A zone without a name cannot be referred to: there is nothing to read wrong in it.
    if (!textValue(zone, 'tzid')) continue;
    try {
      ICAL.TimezoneService.register(zone);
    } catch {
      throw new FeedParseError('malformed', 'timezone');
    }
  }
  const calendarName = textValue(first, 'x-wr-calname');
  const context: Context = {
    defaultZone: textValue(first, 'x-wr-timezone'),
    window,
  };

  const masters = new Map<string, { event: Component; sequence: number; number: number }>();
  const exceptions = new Map<string, { event: Component; number: number }[]>();
  const events = calendars.flatMap((c) => c.getAllSubcomponents('vevent'));
  events.forEach((event, index) => {
    const number = kept.numbers[index] ?? index + 1;
    checkDates(event, number);
    const uid = textValue(event, 'uid') ?? madeUpUid(event);
    if (event.hasProperty('recurrence-id')) {
      exceptions.set(uid, [...(exceptions.get(uid) ?? []), { event, number }]);
      return;
    }
    const sequence = Number(event.getFirstPropertyValue('sequence')) || 0;
    const known = masters.get(uid);
    if (!known || sequence >= known.sequence) masters.set(uid, { event, sequence, number });
  });

  const occurrences: FeedOccurrence[] = [];
  for (const [uid, master] of masters) {
    try {
      occurrences.push(...expand(uid, master.event, exceptions.get(uid) ?? [], context));
    } catch (error) {
      throw asParseError(error, 'rule', master.number);
    }
  }
  // Instances shared without their series (an invitation to one occurrence).
  for (const [uid, list] of exceptions) {
    if (masters.has(uid)) continue;
    for (const { event, number } of list) {
      try {
        const at = startOf(event, context);
        const occurrence = occurrenceOf(uid, event, instanceSuffix(event, at.allDay, context), {
          ...at,
          context,
        });
        if (occurrence && touches(occurrence, window)) occurrences.push(occurrence);
      } catch (error) {
        throw asParseError(error, 'date', number);
      }
    }
  }
  occurrences.sort((a, b) => a.start - b.start);
  return {
    calendarName,
    calendarEmail: calendarName && EMAIL.test(calendarName) ? calendarName.toLowerCase() : null,
    events: kept.events,
    occurrences,
  };
}

interface Context {
  defaultZone: string | null;
  window: ParseWindow;
}

/**
 * Outlook Web App publishes events without UIDs. Such an event is known by its start and title:
 * moved or renamed, it is another event (and one without a UID has no exceptions to match).
 */
function madeUpUid(event: Component): string {
  const text = `${JSON.stringify(event.getFirstProperty('dtstart')?.jCal)}|${textValue(event, 'summary')}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `no-uid-${(hash >>> 0).toString(16)}`;
}

function asParseError(error: unknown, flaw: FeedFlaw, number: number): FeedParseError {
  return error instanceof FeedParseError ? error : new FeedParseError('malformed', flaw, number);
}

function textValue(component: Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

const touches = (o: { start: number; end: number }, window: ParseWindow) =>
  o.start <= window.to && Math.max(o.end, o.start) >= window.from;

/**
 * Dates must be dates: ical.js rolls "month 13, day 45" over into another date, and a time zone
 * name it does not know into floating time. Both are checked here, per event, before any use.
 */
function checkDates(event: Component, number: number): void {
  if (!event.hasProperty('dtstart')) throw new FeedParseError('malformed', 'date', number);
  for (const name of ['dtstart', 'dtend', 'recurrence-id', 'exdate', 'rdate']) {
    for (const property of event.getAllProperties(name)) {
      // The values as written (ical.js's decoded ones have already rolled over).
      for (const value of property.jCal.slice(3) as unknown[]) {
        // Periods (RDATE;VALUE=PERIOD) are checked by their start.
        const start = Array.isArray(value) ? value[0] : value;
        if (typeof start !== 'string' || !validDate(start)) {
          throw new FeedParseError('malformed', 'date', number);
        }
      }
    }
  }
  for (const property of event.getAllProperties('rrule')) {
    let rule: { freq?: string | null } | null;
    try {
      // ical.js reads a rule's parts (UNTIL, BYDAY…) when first asked for them.
      rule = property.getFirstValue() as { freq?: string | null } | null;
    } catch {
      throw new FeedParseError('malformed', 'rule', number);
    }
    if (!rule?.freq) throw new FeedParseError('malformed', 'rule', number);
  }
}

function validDate(text: string): boolean {
  const parts = (DATE.exec(text) ?? DATE_TIME.exec(text))?.slice(1).map(Number);
  if (!parts) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  return (
    year >= 1000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate() &&
    hour < 24 &&
    minute < 60 &&
    second <= 60
  );
}

/** A time as epoch ms: UTC, the file's zones, IANA names through Intl, else the calendar's zone. */
function epochOf(time: Time, tzid: string | null, context: Context): number {
  if (time.isDate) return new Date(time.year, time.month - 1, time.day).getTime();
  if (time.zone === ICAL.Timezone.utcTimezone) {
    return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  }
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000;
  const wall = [time.year, time.month, time.day, time.hour, time.minute, time.second] as const;
  for (const zone of [tzid, context.defaultZone]) {
    const at = zone ? wallClockToUtc(wall, zone) : null;
    if (at !== null) return at;
  }
  return new Date(wall[0], wall[1] - 1, wall[2], wall[3], wall[4], wall[5]).getTime();
}

function propertyTime(event: Component, name: string): { time: Time; tzid: string | null } | null {
  const property = event.getFirstProperty(name) as Property | null;
  const time = property?.getFirstValue() as Time | null | undefined;
  if (!property || !time || typeof time !== 'object' || !('isDate' in time)) return null;
  return { time, tzid: (property.getParameter('tzid') as string | undefined) ?? null };
}

/** An event's own start and end (DTEND, else DURATION, else a day for a date, else none). */
function startOf(
  event: Component,
  context: Context,
): { start: number; end: number; allDay: boolean } {
  const dtstart = propertyTime(event, 'dtstart');
  if (!dtstart) throw new FeedParseError('malformed', 'date');
  const start = epochOf(dtstart.time, dtstart.tzid, context);
  const dtend = propertyTime(event, 'dtend');
  const duration = event.getFirstPropertyValue('duration') as InstanceType<
    typeof ICAL.Duration
  > | null;
  let end = start;
  if (dtend) end = epochOf(dtend.time, dtend.tzid, context);
  else if (duration && typeof duration === 'object') end = start + duration.toSeconds() * 1000;
  else if (dtstart.time.isDate) end = start + DAY;
  if (!Number.isFinite(start) || !Number.isFinite(end))
    throw new FeedParseError('malformed', 'date');
  return { start, end: Math.max(start, end), allDay: dtstart.time.isDate };
}

/** The `_YYYYMMDD` / `_YYYYMMDDTHHMMSSZ` Google appends to a recurring instance's id. */
function suffixOf(time: Time, tzid: string | null, allDaySeries: boolean, context: Context) {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  if (allDaySeries || time.isDate) return `${pad(time.year, 4)}${pad(time.month)}${pad(time.day)}`;
  const utc = new Date(epochOf(time, tzid, context));
  return (
    `${pad(utc.getUTCFullYear(), 4)}${pad(utc.getUTCMonth() + 1)}${pad(utc.getUTCDate())}T` +
    `${pad(utc.getUTCHours())}${pad(utc.getUTCMinutes())}${pad(utc.getUTCSeconds())}Z`
  );
}

/** An exception's instance suffix, from its RECURRENCE-ID (the instance's original start). */
function instanceSuffix(event: Component, allDaySeries: boolean, context: Context): string {
  const rid = propertyTime(event, 'recurrence-id');
  if (!rid) throw new FeedParseError('malformed', 'date');
  return suffixOf(rid.time, rid.tzid, allDaySeries, context);
}

/**
 * Every occurrence of one series in the window: the rule's dates (RRULE, RDATE, less EXDATE) in
 * the series' own time zone, each replaced by its exception (RECURRENCE-ID) when there is one;
 * cancelled exceptions are gone, moved ones are where they moved to (in the window or not).
 */
function expand(
  uid: string,
  master: Component,
  exceptions: { event: Component; number: number }[],
  context: Context,
): FeedOccurrence[] {
  if (/^CANCELLED$/i.test(textValue(master, 'status') ?? '')) return [];
  const own = startOf(master, context);
  const recurring = master.hasProperty('rrule') || master.hasProperty('rdate');
  if (!recurring) {
    const single = occurrenceOf(uid, master, null, { ...own, context });
    return single && touches(single, context.window) ? [single] : [];
  }
  const dtstart = propertyTime(master, 'dtstart');
  if (!dtstart) throw new FeedParseError('malformed', 'date');
  const length = own.end - own.start;
  const allDay = own.allDay;

  const replaced = new Set<string>();
  const found: FeedOccurrence[] = [];
  for (const { event, number } of exceptions) {
    try {
      const suffix = instanceSuffix(event, allDay, context);
      replaced.add(suffix);
      if (/^CANCELLED$/i.test(textValue(event, 'status') ?? '')) continue;
      const at = startOf(event, context);
      // An exception without its own end keeps the series' length.
      const end =
        event.hasProperty('dtend') || event.hasProperty('duration') ? at.end : at.start + length;
      const occurrence = occurrenceOf(uid, event, suffix, { ...at, end, context }, master);
      // Moved out of the window, it still exists: it is not a 1on1 that went away.
      const rid = propertyTime(event, 'recurrence-id');
      const original = rid ? epochOf(rid.time, rid.tzid, context) : at.start;
      const wasHere = original >= context.window.from && original <= context.window.to;
      if (occurrence && (wasHere || touches(occurrence, context.window))) found.push(occurrence);
    } catch (error) {
      throw asParseError(error, 'date', number);
    }
  }

  const rules = master.getAllProperties('rrule').map((p) => p.getFirstValue() as { freq: string });
  if (rules.some((rule) => SUB_DAILY.has(rule.freq))) return found;
  const expansion = new ICAL.RecurExpansion({ component: master, dtstart: dtstart.time });
  for (let repeat = 0; ; repeat++) {
    if (repeat > MAX_REPEATS) throw new FeedParseError('malformed', 'too-many');
    const value = expansion.next() as Time | InstanceType<typeof ICAL.Period> | undefined;
    if (!value) break;
    // An RDATE given as a PERIOD comes out as one: its start is the occurrence.
    const next = value instanceof ICAL.Period ? value.start : value;
    if (!next) continue;
    const start = epochOf(next, dtstart.tzid, context);
    if (start > context.window.to) break;
    if (start + length < context.window.from) continue;
    const suffix = suffixOf(next, dtstart.tzid, allDay, context);
    if (replaced.has(suffix)) continue;
    const occurrence = occurrenceOf(uid, master, suffix, {
      start,
      end: start + length,
      allDay,
      context,
    });
    if (occurrence) found.push(occurrence);
  }
  return found;
}

/**
 * One occurrence with its guests, organizer and Meet link. Parts an exception leaves out come
 * from its series (`series`), as calendars do.
 */
function occurrenceOf(
  uid: string,
  event: Component,
  suffix: string | null,
  at: { start: number; end: number; allDay: boolean; context: Context },
  series?: Component,
): FeedOccurrence | null {
  const ids = feedEventIds(uid, suffix);
  if (!ids) return null;
  return {
    ...ids,
    ...detailsOf(event, series),
    start: at.start,
    end: at.end,
    allDay: at.allDay,
  };
}

type Details = Pick<
  FeedOccurrence,
  'title' | 'guests' | 'organizerEmail' | 'meetCode' | 'declined' | 'unreadableGuests'
>;

/** Read once per event: every occurrence of a series shares its series' guests and title. */
const detailsRead = new WeakMap<Component, Details>();

function detailsOf(event: Component, series?: Component): Details {
  const known = detailsRead.get(event);
  if (known) return known;
  const from = (name: string) => (event.hasProperty(name) || !series ? event : series);
  const organizer = emailOf(from('organizer').getFirstProperty('organizer'));
  const guests: Guest[] = [];
  const declined: string[] = [];
  let unreadableGuests = false;
  for (const attendee of from('attendee').getAllProperties('attendee')) {
    const email = emailOf(attendee);
    if (!email) {
      unreadableGuests = true;
      continue;
    }
    const type = String(attendee.getParameter('cutype') ?? '').toUpperCase();
    // Google writes the address as the name when it knows none (CN=aiko@example.com): that is
    // no name, and must not replace the one the page showed.
    const cn = attendee.getParameter('cn');
    const name = typeof cn === 'string' && !cn.includes('@') ? cn.trim().slice(0, 200) : '';
    guests.push({
      email,
      ...(name ? { name } : {}),
      ...(type === 'RESOURCE' || type === 'ROOM' ? { isResource: true } : {}),
      ...(type === 'GROUP' ? { isGroup: true } : {}),
    });
    if (String(attendee.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED') {
      declined.push(email);
    }
  }
  // Google lists the organizer among the attendees; Outlook does not. The page shows them as a
  // guest either way, so an event with guests counts its organizer once.
  if (organizer && guests.length && !guests.some((g) => g.email === organizer)) {
    guests.push({ email: organizer });
  }
  const details: Details = {
    title: (textValue(from('summary'), 'summary') ?? '').slice(0, MAX_TITLE),
    guests,
    organizerEmail: organizer,
    meetCode: meetCodeOf(event) ?? (series ? meetCodeOf(series) : null),
    declined,
    unreadableGuests,
  };
  detailsRead.set(event, details);
  return details;
}

function emailOf(property: Property | null): string | null {
  const value = property?.getFirstValue();
  if (typeof value !== 'string') return null;
  const email = value
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
  return EMAIL.test(email) && email.length <= MAX_EMAIL ? email : null;
}

/** The Meet code: Google's conference property, else a Meet link in the location, notes or URL. */
function meetCodeOf(event: Component): string | null {
  for (const name of ['x-google-conference', 'location', 'url', 'description']) {
    for (const value of event.getAllProperties(name).map((p) => p.getFirstValue())) {
      const code = typeof value === 'string' ? MEET_LINK.exec(value)?.[1] : undefined;
      if (code) return code;
    }
  }
  return null;
}
