/**
 * The event ids Google Calendar's page shows, from a feed's UID and an instance's original start.
 *
 * The page's `data-eventid` (and the `eid` of `/r/eventedit/<eid>` and of `htmlLink`) is
 * base64url of "<event id> <calendar id>" (utils/google/calendar/event-id.ts). Google's API and
 * its iCalendar export name the same event:
 * - `iCalUID` = `<event id>@google.com` for events made in Google Calendar;
 * - a recurring event's instances are `<event id>_<original start in UTC, YYYYMMDDTHHMMSSZ>`
 *   (all-day: `_YYYYMMDD`), and they all share the series' `iCalUID`; the export tells the
 *   instances apart by RECURRENCE-ID, which is that original start (kept when one is moved).
 * Evidence (docs/google-pages.md § Event ids, "The feed's UIDs"): API answers stored in public
 * repositories show `id` and `iCalUID` side by side with the `htmlLink` eid, e.g.
 * flicken/eventmanny `src/example-response.js` @ d545c49f: id
 * `eieemgj0gr6a9k4qj33obd33eg_20381104T193000Z`, recurringEventId `eieemgj0gr6a9k4qj33obd33eg`,
 * originalStartTime `2038-11-04T20:30:00+01:00`, iCalUID `eieemgj0gr6a9k4qj33obd33eg@google.com`,
 * eid decoding to "eieemgj0gr6a9k4qj33obd33eg_20381104T193000Z l69cnt3nphcqr9iroimoevd350@g".
 *
 * Events Google did not make (an Outlook invitation keeps its sender's UID) have page ids that
 * cannot be derived: they get `ical:<UID>[_<suffix>]`, and are joined to what the page records by
 * person and start instead (entrypoints/background/feed/record.ts).
 */
export const FOREIGN_PREFIX = 'ical:';

const GOOGLE_UID = /^([A-Za-z0-9_]+)@google\.com$/;
const MAX_ID = 1_000;

export function feedEventIds(
  uid: string,
  suffix: string | null,
): { eventId: string; seriesId: string } | null {
  const google = GOOGLE_UID.exec(uid.trim());
  const seriesId = google?.[1] ?? `${FOREIGN_PREFIX}${uid.trim()}`;
  const eventId = suffix ? `${seriesId}_${suffix}` : seriesId;
  return eventId.length <= MAX_ID && /^[\x21-\x7e]+$/.test(eventId) ? { eventId, seriesId } : null;
}

/** Whether an event id came from a feed without a Google id (see {@link FOREIGN_PREFIX}). */
export const isForeignEventId = (eventId: string | null): boolean =>
  !!eventId?.startsWith(FOREIGN_PREFIX);
