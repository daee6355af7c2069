/** The times a feed is read for (epoch ms): events wholly outside are left out. */
export interface ParseWindow {
  from: number;
  to: number;
}

/**
 * A light first pass over a feed, before ical.js reads it: a year of a busy calendar is 5,000
 * events and ~6 MB, of which the window Taiwa reads (two weeks back, two months ahead) needs a
 * fifth. Events that neither repeat nor are an instance of a series, and that start and end
 * clearly outside the window, are checked here (every line a property, their dates dates) and
 * left out of the full parse; everything else goes to ical.js as it is. A flaw anywhere is still
 * a refusal of the whole feed: a file read in part is never taken for the calendar.
 *
 * It scans the text by position (no split into lines): on a 6 MB feed the pass is a few tens of
 * milliseconds and leaves little for the garbage collector.
 */
export interface Prefiltered {
  /** The file with the events that cannot touch the window left out (LF line ends). */
  text: string;
  /** VEVENTs in the whole file. */
  events: number;
  /** The position in the whole file (1-based) of each VEVENT kept, in order. */
  numbers: number[];
}

export class PrefilterFlaw extends Error {
  constructor(
    readonly flaw: 'structure' | 'date',
    readonly eventNumber: number,
  ) {
    super(`Flaw (${flaw}) in event ${eventNumber}.`);
  }
}

/** Time zones reach at most this far from UTC, and an event's end this far past a day. */
const MARGIN = 2 * 86_400_000;
const STAMP = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;
/** A property that makes an event part of a series, or gives its end another way. */
const SERIES_PART = /\n(?:RRULE|RDATE|RECURRENCE-ID|DURATION)[;:]/i;
const DTSTART = /\nDTSTART(?:;[^\n]*)?:([^:\n]*)\n/i;
const DTEND = /\nDTEND(?:;[^\n]*)?:([^:\n]*)\n/i;
/** A line (unfolded) that is no property: no ':' in it. */
const NOT_A_LINE = /\n[^ \t\n][^:\n]*(?=\n)/;

/** A DATE or DATE-TIME value read as UTC (good to ±14 h): epoch ms, or null when malformed. */
function roughly(value: string): number | null {
  const parts = STAMP.exec(value.trim())
    ?.slice(1)
    .map((p) => (p === undefined ? 0 : Number(p)));
  if (!parts) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > last) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

export function prefilter(body: string, window: ParseWindow): Prefiltered {
  const text = body.replace(/\r\n?/g, '\n');
  const parts: string[] = [];
  const numbers: number[] = [];
  let events = 0;
  let copied = 0;
  const BEGIN = /(^|\n)BEGIN:VEVENT[ \t]*(?=\n)/gi;
  for (let found = BEGIN.exec(text); found; found = BEGIN.exec(text)) {
    events++;
    const start = found.index + (found[1] ?? '').length;
    const close = /\nEND:VEVENT[ \t]*(?=\n|$)/gi;
    close.lastIndex = start;
    const end = close.exec(text);
    // An unfinished event: the rest goes to ical.js, which says the file is broken.
    if (!end) {
      numbers.push(events);
      break;
    }
    const stop = end.index + end[0].length;
    BEGIN.lastIndex = stop;
    // The block from the "\n" before BEGIN to the "\n" after END (the line patterns need
    // them; a slice is not a copy).
    const block =
      start > 0 && text[stop] === '\n'
        ? text.slice(start - 1, stop + 1)
        : `\n${text.slice(start, stop)}\n`;
    if (keep(block, events, window)) {
      numbers.push(events);
      continue;
    }
    parts.push(text.slice(copied, start));
    copied = stop + 1;
  }
  parts.push(text.slice(copied));
  return { text: parts.join(''), events, numbers };
}

function keep(block: string, number: number, window: ParseWindow): boolean {
  if (SERIES_PART.test(block)) return true;
  const start = DTSTART.exec(block);
  const end = DTEND.exec(block);
  const from = start ? roughly(start[1] ?? '') : null;
  const to = end ? roughly(end[1] ?? '') : undefined;
  // Anything unusual (no start, a date it cannot read) is left to ical.js and the checks after
  // it, which say what is wrong.
  if (from === null || to === null) return true;
  const last = Math.max(from, to ?? from) + MARGIN;
  const outside = last < window.from || from - MARGIN > window.to;
  if (!outside) return true;
  // Left out: still checked, so a broken file is never taken in part.
  if (NOT_A_LINE.test(block.replace(/\n[ \t]/g, ''))) throw new PrefilterFlaw('structure', number);
  return false;
}
