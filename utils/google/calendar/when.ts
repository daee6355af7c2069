/**
 * Reads the date and time text of an event card, in the English and Japanese UIs:
 * "Tuesday, November 24 ⋅ 10:00 – 10:30am", "Wednesday, November 25 ⋅ 11am – 12pm",
 * "Tuesday, 24 November ⋅ 10:00 – 10:30" (24-hour locales), "November 24, 2026, 11pm –
 * November 25, 2026, 1am", "11月 24日 (火曜日)⋅午前10:00～10:30", "2027年1月 5日 (火曜日)⋅午後3:00～4:00".
 * The text has no year unless it is not this year's: the year is taken from a grid cell when
 * known, else the one that puts the date nearest to `now`.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface EventTime {
  start: number;
  end: number;
  allDay: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (name = '') => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [string, number, number] }[] = [
  // Japanese: "11月 24日", "2027年1月 5日".
  {
    re: /(?:(\d{4})年\s*)?(\d{1,2})月\s*(\d{1,2})日/,
    read: (m) => [m[1] ?? '', Number(m[2]), Number(m[3])],
  },
  // British English: "24 November", "24 Nov 2027".
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}(?:,?\\s+(\\d{4}))?`, 'i'),
    read: (m) => [m[3] ?? '', monthOf(m[2]), Number(m[1])],
  },
  // US English: "November 24", "Nov 24, 2027".
  {
    re: new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?![\\d:])(?:,?\\s+(\\d{4}))?`, 'i'),
    read: (m) => [m[3] ?? '', monthOf(m[1]), Number(m[2])],
  },
];

/** Range separators: en dash, em dash, wave dashes, "~" (NFKC of ～), a spaced hyphen, "to". */
const RANGE = /\s*[–—~〜]\s*|\s+-\s+|\s+to\s+/;

interface Clock {
  hour: number;
  minute: number;
  meridiem: 'am' | 'pm' | null;
}

/** "10:30am", "11am", "23:00", "午後3:00", "午前10時30分". */
function readClock(text: string): Clock | null {
  const ja = /(午前|午後)?\s*(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分)?)/.exec(text);
  const en = /(?:^|[^\d:])(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\b\.?/i.exec(text);
  if (en) {
    return {
      hour: Number(en[1]),
      minute: Number(en[2] ?? 0),
      meridiem: en[3]?.toLowerCase() === 'a' ? 'am' : 'pm',
    };
  }
  if (ja) {
    const meridiem = ja[1] === '午前' ? 'am' : ja[1] === '午後' ? 'pm' : null;
    return { hour: Number(ja[2]), minute: Number(ja[3] ?? ja[4] ?? 0), meridiem };
  }
  // "11 – 1pm": a bare hour before the range separator borrows the end's meridiem.
  const bare = /(?:^|[\s,])(\d{1,2})\s*$/.exec(text);
  return bare ? { hour: Number(bare[1]), minute: 0, meridiem: null } : null;
}

function hour24({ hour, meridiem }: Clock): number {
  if (meridiem === 'am') return hour % 12;
  if (meridiem === 'pm') return (hour % 12) + 12;
  return hour;
}

function readDate(
  text: string,
): { date: Omit<CalendarDate, 'year'> & { year?: number }; rest: string } | null {
  for (const { re, read } of DATE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [year, month, day] = read(m);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    return {
      date: { ...(year ? { year: +year } : {}), month, day },
      rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length),
    };
  }
  return null;
}

function nearestYear(month: number, day: number, now: number): number {
  const thisYear = new Date(now).getFullYear();
  const distance = (y: number) => Math.abs(new Date(y, month - 1, day).getTime() - now);
  return [thisYear - 1, thisYear, thisYear + 1].reduce((a, b) =>
    distance(b) < distance(a) ? b : a,
  );
}

/** Whether a line states a date or a clock time (a recurrence line such as "Weekly on Tuesday" does not). */
export function hasDateOrTime(rawText: string): boolean {
  const text = rawText.normalize('NFKC').replace(/[⋅·•]/g, ' ');
  return readDate(text) !== null || readClock(text.split(RANGE)[0] ?? '') !== null;
}

/**
 * Start and end (epoch ms, local time) of the event described by `text`, or null when the text
 * holds no date. `known` is the date from the grid when the event's chip is on screen.
 */
export function parseEventTime(
  rawText: string,
  now: number,
  known?: CalendarDate | null,
): EventTime | null {
  const text = rawText.normalize('NFKC').replace(/[⋅·•]/g, ' ');
  const [left = '', ...rightParts] = text.split(RANGE);
  const right = rightParts.join(' ');
  const startDate = readDate(left);
  const base = known ?? startDate?.date;
  if (!base) return null;
  const { month, day } = base;
  const year = base.year ?? nearestYear(month, day, now);
  const endDate = readDate(right);
  const startClock = readClock(startDate?.rest ?? left);
  const endClock = readClock(endDate?.rest ?? right);
  if (!startClock) {
    // An all-day event: "Tuesday, November 24" (or a range of days).
    const start = new Date(year, month - 1, day).getTime();
    const last = endDate?.date;
    const endDay = last
      ? new Date(last.year ?? year, last.month - 1, last.day + 1)
      : new Date(year, month - 1, day + 1);
    return { start, end: endDay.getTime(), allDay: true };
  }
  const end: Clock = endClock ?? { ...startClock };
  // "10:00 – 10:30am": English gives the meridiem once, after the end; Japanese once, before the
  // start ("午後3:00～3:30"). Each side borrows the other's.
  const start: Clock = { ...startClock, meridiem: startClock.meridiem ?? end.meridiem };
  if (!end.meridiem) end.meridiem = start.meridiem;
  let startHour = hour24(start);
  const endHour = hour24(end);
  // "11 – 1pm" reads as 11am to 1pm: a borrowed meridiem that puts the start last is wrong.
  if (!startClock.meridiem && start.meridiem === 'pm' && startHour > endHour && !endDate) {
    startHour -= 12;
  }
  const startAt = new Date(year, month - 1, day, startHour, start.minute).getTime();
  const endDay = endDate?.date;
  let endAt = endDay
    ? new Date(endDay.year ?? year, endDay.month - 1, endDay.day, endHour, end.minute).getTime()
    : new Date(year, month - 1, day, endHour, end.minute).getTime();
  // Past midnight without a second date ("11pm – 12:30am").
  if (endAt <= startAt && !endDay) endAt += 24 * 3600_000;
  return { start: startAt, end: endAt, allDay: false };
}

/** The date a grid cell's `data-datekey` packs: year = 1970 + (k >> 9), month, day. */
export function decodeDateKey(key: string | number): CalendarDate | null {
  const k = typeof key === 'number' ? key : Number.parseInt(key, 10);
  if (!Number.isInteger(k) || k <= 0) return null;
  const date = { year: 1970 + (k >> 9), month: (k >> 5) & 15, day: k & 31 };
  return date.month >= 1 && date.month <= 12 && date.day >= 1 ? date : null;
}
