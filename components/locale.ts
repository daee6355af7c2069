import { uiLanguage } from './ui-language';

/**
 * Dates and times for the views, in the UI language, through the browser's own Intl: nothing to
 * download or parse when the prep panel opens beside a card (it has to be quick).
 */
const locale = () => (uiLanguage() === 'ja' ? 'ja-JP' : 'en-US');

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "12 days ago" / "12 日前", "in 3 days" / "3 日後". */
export function ago(at: number, now = Date.now()): string {
  const diff = at - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? ['minute', 60_000];
  return new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' }).format(
    Math.round(diff / size),
    unit,
  );
}

/** A short date and time: "Tue, Nov 24, 10:00 AM" / "11月24日(火) 10:00". */
export function shortDateTime(at: number): string {
  return new Intl.DateTimeFormat(locale(), {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

/** A short date: "Nov 24" / "11月24日". */
export function shortDate(at: number): string {
  return new Intl.DateTimeFormat(locale(), { month: 'short', day: 'numeric' }).format(at);
}
