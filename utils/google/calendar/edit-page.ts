import { decodeEventId, isPersonalCalendar } from './event-id';
import { meetCodeIn, parseGuests, type CalendarEventReport } from './event-card';
import { CALENDAR, textOf } from './selectors';

/** `/calendar/u/<n>/r/eventedit/<eid>`: the full edit page of an existing event. */
const EDIT_PATH = /\/r\/eventedit\/([A-Za-z0-9_-]+)/;

/** The encoded event id of an edit page URL, or null elsewhere (and on a new event's page). */
export function editPageEventId(location: Pick<Location, 'pathname'>): string | null {
  return EDIT_PATH.exec(location.pathname)?.[1] ?? null;
}

/** Whether `doc` shows the edit page, rendered far enough to read. */
export function isEditPageReady(doc: Document): boolean {
  return (
    doc.body?.dataset.viewfamily === 'EVENT_EDIT' && doc.querySelector(CALENDAR.edit.ready) !== null
  );
}

/**
 * Reads the edit page of an existing event. Its date and time fields have no stable hooks, so
 * times are left out (null): the meeting keeps the times read from the card or the grid.
 */
export function parseEditPage(
  doc: Document,
  location: Pick<Location, 'pathname'>,
): CalendarEventReport | null {
  const encoded = editPageEventId(location);
  const id = encoded ? decodeEventId(encoded) : null;
  if (!id || !isEditPageReady(doc) || id.eventId.startsWith('tasks_')) return null;
  const titleInput = doc.querySelector<HTMLInputElement>(CALENDAR.edit.title);
  const title = titleInput?.value || titleInput?.dataset.initialValue || '';
  const organizer = doc.querySelector<HTMLElement>(CALENDAR.edit.organizer);
  const organizerText = (organizer as HTMLInputElement | null)?.value || textOf(organizer) || '';
  const { guests } = parseGuests(doc, [CALENDAR.edit.guestRow]);
  const conference = doc.querySelector(CALENDAR.edit.conference);
  return {
    eventId: id.eventId,
    seriesId: id.seriesId,
    title: title.trim().slice(0, 1000),
    start: id.instanceStart,
    end: null,
    meetCode: conference ? meetCodeIn(conference, ['a[href^="https://meet.google.com/"]']) : null,
    guests: guests.slice(0, 500),
    organizerEmail: organizerText.includes('@') ? organizerText.trim().toLowerCase() : null,
    selfEmail: isPersonalCalendar(id.calendarId) ? id.calendarId.toLowerCase() : null,
  };
}
