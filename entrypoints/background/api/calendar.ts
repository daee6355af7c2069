import { activeKeywords, resolveCounterpart } from '@/utils/domain/classify';
import type { Inputs } from '@/utils/messaging/inputs';
import type { CalendarEventResult } from '@/utils/messaging/protocol';
import { readSettings } from '../settings-store';
import { recordCalendarChips } from '../db/chips';
import { getDb } from '../db/database';
import { forgetEmptyPlanned, recordCalendarEvent } from '../db/detection';
import { setSeriesOverride } from '../db/series-overrides';
import { prepView } from '../db/prep';
import { writeTransaction } from '../db/write';
import type { Handler } from './serve';
import {
  recallEvent,
  resultIfUnchanged,
  rememberEvent,
  toPrepEvent,
  trackDetection,
} from '../seen-events';

/*
 * Google Calendar: what the content script saw (an opened card, the grid's chips), and what the
 * prep panel beside the card shows and decides ("Treat as 1on1", "Not a 1on1").
 */

/**
 * Tracked from the first moment, so a panel asking meanwhile waits for the verdict. A card
 * opened again that says what it said before has nothing new to write (unless its meeting went
 * away meanwhile), so the panel's reads are not held up by a write transaction.
 */
export const recordEvent: Handler<'recordCalendarEvent'> = (report) =>
  trackDetection(
    report.eventId,
    (async () => {
      const known = await resultIfUnchanged(report);
      const meeting = known?.meetingId ? await getDb().meetings.get(known.meetingId) : null;
      if (known && (!known.meetingId || (meeting && !meeting.deleted))) return known;
      return detect(report);
    })(),
  );

export const recordChips: Handler<'recordCalendarChips'> = async ({ chips }) =>
  recordCalendarChips(chips, activeKeywords(await readSettings()));

export const getPrepView: Handler<'getPrepView'> = async ({ eventId }) => {
  const seen = await recallEvent(eventId);
  const settings = await readSettings();
  const event = seen
    ? toPrepEvent(
        seen,
        resolveCounterpart(
          seen.report.guests,
          seen.report.selfEmail,
          seen.report.organizerEmail,
        ) !== null,
      )
    : null;
  return prepView(getDb(), event, eventId, Date.now(), settings.showNotEvaluationReminder);
};

/** The user's word on a whole series: remembered, then the event is detected again with it. */
export const setEventVerdict: Handler<'setEventVerdict'> = async ({ eventId, verdict }) => {
  const seen = await recallEvent(eventId);
  if (!seen) throw new Error('This event is no longer open: open it in Google Calendar again.');
  const seriesId = seen.report.seriesId ?? seen.report.eventId;
  const report = { ...seen.report, seriesId };
  // Tracked like a detection: views refreshing on its writes wait for the new verdict.
  return trackDetection(
    eventId,
    (async () => {
      await writeTransaction(async (ctx) => {
        await setSeriesOverride(ctx, seriesId, verdict);
        if (verdict === 'never') await forgetEmptyPlanned(ctx, seriesId);
      });
      return detect(report);
    })(),
  );
};

/** Classifies and records an event, and remembers it for the panel. */
async function detect(report: Inputs['recordCalendarEvent']): Promise<CalendarEventResult> {
  const result = await recordCalendarEvent(report, await readSettings());
  await rememberEvent(report, result);
  return result;
}
