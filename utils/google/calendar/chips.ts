import { decodeEventId } from './event-id';
import { CALENDAR, textOf } from './selectors';
import { decodeDateKey, parseEventTime } from './when';

/** An event chip seen in the grid: enough to list an upcoming 1on1, not to identify the person. */
export interface CalendarChip {
  eventId: string;
  seriesId: string;
  title: string;
  start: number | null;
  end: number | null;
}

/**
 * The timed and all-day event chips in the grid. The title comes from the chip's visual part;
 * the start from the day cell's datekey plus the time in the chip's accessible text ("10am to
 * 10:30am, Title, …"), or from a recurring instance's id. Tasks are skipped, and so are chips
 * whose title `wanted` refuses.
 */
export function parseChips(
  doc: Document,
  now = Date.now(),
  wanted: (title: string) => boolean = () => true,
): CalendarChip[] {
  const chips: CalendarChip[] = [];
  const seen = new Set<string>();
  for (const chip of doc.querySelectorAll<HTMLElement>(CALENDAR.chips.join(','))) {
    // The title first, and only chips the caller wants read further: a month holds hundreds.
    const visual = chip.querySelector(CALENDAR.chipVisual);
    const leaf = textOf(firstTextLeaf(visual));
    const spoken = () => textOf(chip).replace(textOf(visual), '').trim();
    // The spoken parts are separated by "," in English and "、" in Japanese (docs/google-pages.md § chips).
    const title = leaf || spoken().split(/[,、]/)[1]?.trim() || '';
    if (!title || !wanted(title)) continue;
    const id = decodeEventId(chip.dataset.eventid ?? '');
    if (!id || id.eventId.startsWith('tasks_') || seen.has(id.eventId)) continue;
    seen.add(id.eventId);
    const key = chip.closest<HTMLElement>(CALENDAR.dateCell)?.dataset.datekey;
    const date = key ? decodeDateKey(key) : null;
    const timeText = spoken().split(/[,、]/)[0] ?? '';
    const time = date ? parseEventTime(timeText, now, date) : null;
    chips.push({
      eventId: id.eventId,
      seriesId: id.seriesId,
      title: title.slice(0, 1000),
      start: time && !time.allDay ? time.start : (id.instanceStart ?? time?.start ?? null),
      end: time && !time.allDay ? time.end : (time?.end ?? null),
    });
  }
  return chips;
}

/** The first element holding text of its own: the title line of a chip's visual part. */
function firstTextLeaf(root: Element | null): Element | null {
  if (!root) return null;
  if (!root.firstElementChild) return textOf(root) ? root : null;
  for (const child of root.children) {
    const leaf = firstTextLeaf(child);
    if (leaf) return leaf;
  }
  return null;
}
