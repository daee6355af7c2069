/** A Calendar event id as Google encodes it in `data-eventid` and `eventedit/<eid>` URLs. */
export interface DecodedEventId {
  /** The event instance id: a recurring instance ends in `_YYYYMMDDTHHMMSSZ` (or `_YYYYMMDD`). */
  eventId: string;
  /** The calendar the event was opened from: for a person's own calendar, their address. */
  calendarId: string;
  /** The id shared by every instance of a recurring event (the event id itself otherwise). */
  seriesId: string;
  /** A recurring instance's original start, from its id suffix (UTC); null otherwise. */
  instanceStart: number | null;
}

/** Google abbreviates the domains of calendar ids inside encoded event ids. */
const CALENDAR_SUFFIXES: Record<string, string> = {
  '@m': '@gmail.com',
  '@g': '@group.calendar.google.com',
  '@v': '@group.v.calendar.google.com',
};

const INSTANCE_SUFFIX = /_(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/;

/**
 * Decodes `data-eventid`: base64url without padding of "<eventId> <calendarId>". Returns null
 * for anything else, so a page variant with another encoding is noticed instead of misread.
 */
export function decodeEventId(encoded: string): DecodedEventId | null {
  if (!/^[A-Za-z0-9_-]{4,2000}$/.test(encoded)) return null;
  let text: string;
  try {
    const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
    text = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  } catch {
    return null;
  }
  const space = text.indexOf(' ');
  if (space <= 0) return null;
  const eventId = text.slice(0, space);
  const rawCalendar = text.slice(space + 1).trim();
  if (!/^[\x21-\x7e]+$/.test(eventId) || !/^[\x21-\x7e]+$/.test(rawCalendar)) return null;
  const abbreviation = /@[mgv]$/.exec(rawCalendar)?.[0];
  const calendarId = abbreviation
    ? rawCalendar.slice(0, -2) + CALENDAR_SUFFIXES[abbreviation]
    : rawCalendar;
  const instance = INSTANCE_SUFFIX.exec(eventId);
  const [y, mo, d, h = '00', mi = '00', s = '00'] = (instance?.slice(1) ?? []).map(Number);
  return {
    eventId,
    calendarId,
    seriesId: instance ? eventId.slice(0, instance.index) : eventId,
    // A timed instance's suffix is UTC; an all-day one is a calendar date, read as local midnight.
    instanceStart: !instance
      ? null
      : instance[4]
        ? Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
        : new Date(Number(y), Number(mo) - 1, Number(d)).getTime(),
  };
}

/** Calendar ids that are a person's address, not a group, room or imported calendar. */
export function isPersonalCalendar(calendarId: string): boolean {
  return (
    /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(calendarId) &&
    !/@(group\.calendar|group\.v\.calendar|resource\.calendar|import\.calendar)\.google\.com$/i.test(
      calendarId,
    )
  );
}

/** Encodes an event id the way Google does (used by fixtures and tests). */
export function encodeEventId(eventId: string, calendarId: string): string {
  return btoa(`${eventId} ${calendarId}`)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
