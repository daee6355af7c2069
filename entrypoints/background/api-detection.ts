import { readSettings } from '@/utils/settings';
import { recordCalendarEvent } from './db/detection';
import { FROM_CALENDAR, handle } from './handle';

/** Reports from the Google content scripts: what they saw on the page, nothing more. */
export function setupDetectionApi(): void {
  handle('recordCalendarEvent', FROM_CALENDAR, async (event) =>
    recordCalendarEvent(event, await readSettings()),
  );
}
