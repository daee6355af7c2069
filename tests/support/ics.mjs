// Builds iCalendar feeds the way Google Calendar's secret address serves them (PRODID, calendar
// properties, ATTENDEE lines with CUTYPE/ROLE/PARTSTAT/CN/X-NUM-GUESTS, X-GOOGLE-CONFERENCE, the
// Meet block in DESCRIPTION, lines folded at 75 octets, CRLF), as in the captured export
// tests/fixtures/feed/google-primary.ics. Used by the end-to-end tests and the benchmark.

/**
 * @typedef {{ email: string, name?: string, cutype?: 'INDIVIDUAL' | 'RESOURCE' | 'ROOM' | 'GROUP', partstat?: string }} Attendee
 * @typedef {{
 *   uid: string, summary: string, start: number, end: number,
 *   attendees?: Attendee[], organizer?: string, meet?: string, rrule?: string,
 *   exdates?: number[], recurrenceId?: number, status?: string, description?: string,
 *   tzid?: string, allDay?: boolean,
 * }} FeedEvent
 */

/** Asia/Tokyo as Google's exports define it. */
export const TOKYO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Tokyo',
  'X-LIC-LOCATION:Asia/Tokyo',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** `YYYYMMDDTHHMMSS`, the wall-clock time of epoch ms in `zone`. */
export function wallStamp(/** @type {number} */ at, /** @type {string} */ zone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

/** A DTSTART/DTEND/EXDATE/RECURRENCE-ID line: UTC, or wall time with TZID, or a date. */
function timeLine(
  /** @type {string} */ name,
  /** @type {number} */ at,
  /** @type {FeedEvent} */ e,
) {
  if (e.allDay) return `${name};VALUE=DATE:${utcStamp(at).slice(0, 8)}`;
  if (e.tzid) return `${name};TZID=${e.tzid}:${wallStamp(at, e.tzid)}`;
  return `${name}:${utcStamp(at)}`;
}

/** `YYYYMMDDTHHMMSSZ` of epoch ms. */
export const utcStamp = (/** @type {number} */ at) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets, as RFC 5545 (and Google) do. */
function fold(/** @type {string} */ line) {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts = [];
  let at = 0;
  let width = 75;
  while (at < bytes.length) {
    let end = Math.min(at + width, bytes.length);
    // Never split a UTF-8 character.
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(at, end).toString('utf8'));
    at = end;
    width = 74;
  }
  return parts.join('\r\n ');
}

const escape = (/** @type {string} */ text) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');

/**
 * @param {{ calendarName?: string, timezone?: string, vtimezones?: string[], events: FeedEvent[] }} feed
 * @returns {string}
 */
export function buildIcs({
  calendarName = 'ben.suzuki@example.com',
  timezone = 'Asia/Tokyo',
  vtimezones = [],
  events,
}) {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${calendarName}`,
    `X-WR-TIMEZONE:${timezone}`,
    ...vtimezones,
  ];
  const stamp = utcStamp(Date.UTC(2026, 10, 30));
  for (const e of events) {
    lines.push('BEGIN:VEVENT', timeLine('DTSTART', e.start, e), timeLine('DTEND', e.end, e));
    if (e.rrule) lines.push(`RRULE:${e.rrule}`);
    for (const ex of e.exdates ?? []) lines.push(timeLine('EXDATE', ex, e));
    lines.push(`DTSTAMP:${stamp}`);
    if (e.organizer) lines.push(`ORGANIZER;CN=${e.organizer}:mailto:${e.organizer}`);
    lines.push(`UID:${e.uid}`);
    if (e.recurrenceId !== undefined) lines.push(timeLine('RECURRENCE-ID', e.recurrenceId, e));
    for (const a of e.attendees ?? []) {
      lines.push(
        `ATTENDEE;CUTYPE=${a.cutype ?? 'INDIVIDUAL'};ROLE=REQ-PARTICIPANT;PARTSTAT=${a.partstat ?? 'ACCEPTED'};CN=${a.name ?? a.email};X-NUM-GUESTS=0:mailto:${a.email}`,
      );
    }
    if (e.meet) lines.push(`X-GOOGLE-CONFERENCE:https://meet.google.com/${e.meet}`);
    lines.push(`CREATED:${stamp}`);
    const meetBlock = e.meet ? `Join with Google Meet: https://meet.google.com/${e.meet}\n` : '';
    lines.push(`DESCRIPTION:${escape(`${e.description ?? ''}${meetBlock}`)}`);
    lines.push(
      `LAST-MODIFIED:${stamp}`,
      'LOCATION:',
      'SEQUENCE:0',
      `STATUS:${e.status ?? 'CONFIRMED'}`,
      `SUMMARY:${escape(e.summary)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
