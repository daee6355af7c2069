import { storage } from 'wxt/utils/storage';
import type { Inputs } from '@/utils/messaging/inputs';
import type { CalendarEventResult } from '@/utils/messaging/protocol';
import type { PrepEvent } from '@/utils/messaging/views';
import { notifyChanged } from './changes';
import { onSettingsChanged } from './settings-store';

type Report = Inputs['recordCalendarEvent'];
interface Seen {
  report: Report;
  result: CalendarEventResult;
}

/**
 * The calendar events the user opened lately, as the page reported them, with Taiwa's verdict.
 * The panel asks for an event by id, and "Treat as 1on1" re-runs detection on the same facts.
 * Kept in session storage: memory only (never on disk), shared across service worker restarts.
 */
const seenItem = storage.defineItem<Record<string, Seen>>('session:seenEvents', { fallback: {} });
const KEEP = 50;

/** Detections still being written: the panel may ask before its event's record committed. */
const inFlight = new Map<string, Promise<unknown>>();

export async function rememberEvent(report: Report, result: CalendarEventResult): Promise<void> {
  // Oldest first, this event last: the first entries are the ones to drop.
  const others = Object.entries(await seenItem.getValue()).filter(([id]) => id !== report.eventId);
  const kept = [...others, [report.eventId, { report, result }] as const].slice(-KEEP);
  await seenItem.setValue(Object.fromEntries(kept));
  notifyChanged(['events']);
}

/** What was concluded when the event was last seen, if the page still says exactly the same. */
export async function resultIfUnchanged(report: Report): Promise<CalendarEventResult | null> {
  const seen = (await seenItem.getValue())[report.eventId];
  return seen && JSON.stringify(seen.report) === JSON.stringify(report) ? seen.result : null;
}

/** Forgets every verdict when the keywords or opt-ins change: the next look decides afresh. */
export function setupSeenEvents(): void {
  onSettingsChanged(() => void seenItem.setValue({}));
}

export async function recallEvent(eventId: string): Promise<Seen | null> {
  await inFlight.get(eventId)?.catch(() => undefined);
  return (await seenItem.getValue())[eventId] ?? null;
}

/** Runs a detection of `eventId`, so a panel asking meanwhile waits for its outcome. */
export function trackDetection<T>(eventId: string, work: Promise<T>): Promise<T> {
  inFlight.set(eventId, work);
  void work
    .finally(() => {
      if (inFlight.get(eventId) === work) inFlight.delete(eventId);
    })
    .catch(() => undefined);
  return work;
}

export function toPrepEvent({ report, result }: Seen, hasCounterpart: boolean): PrepEvent {
  return {
    eventId: report.eventId,
    seriesId: report.seriesId,
    title: report.title,
    start: report.start,
    end: report.end,
    meetCode: report.meetCode,
    isOneOnOne: result.isOneOnOne,
    reason: result.reason,
    hasCounterpart,
  };
}
