import { format, formatDistanceStrict, isSameYear } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { ja } from 'date-fns/locale/ja';
import { uiLanguage } from './ui-language';

/** Dates and numbers for the views, in the UI language (date-fns for dates, Intl for numbers). */
const dateLocale = () => (uiLanguage() === 'ja' ? ja : enUS);

/** "12 days ago" / "12日前", "in 3 days" / "3日後". */
export function ago(at: number, now = Date.now()): string {
  if (Math.abs(at - now) < 60_000) return uiLanguage() === 'ja' ? 'たった今' : 'just now';
  return formatDistanceStrict(at, now, { addSuffix: true, locale: dateLocale() });
}

/** A short date and time: "Tue, Nov 24, 10:00 AM" / "11月24日(火) 10:00". */
export function shortDateTime(at: number): string {
  return format(at, uiLanguage() === 'ja' ? 'M月d日(E) H:mm' : 'EEE, MMM d, h:mm a', {
    locale: dateLocale(),
  });
}

/** A short date, with the year when it is not this year's: "Nov 24" / "11月24日", "Mar 3, 2025". */
export function shortDate(at: number, now = Date.now()): string {
  const ja = uiLanguage() === 'ja';
  const pattern = isSameYear(at, now)
    ? ja
      ? 'M月d日'
      : 'MMM d'
    : ja
      ? 'yyyy年M月d日'
      : 'MMM d, yyyy';
  return format(at, pattern, { locale: dateLocale() });
}

/** A month: "Mar 2026" / "2026年3月". */
export function monthLabel(at: number): string {
  return format(at, uiLanguage() === 'ja' ? 'yyyy年M月' : 'MMM yyyy', { locale: dateLocale() });
}

/** A month where room is short: "Mar" / "3月", with the year in January: "Jan 2026" / "2026年1月". */
export function monthTick(at: number): string {
  const january = new Date(at).getMonth() === 0;
  const ja = uiLanguage() === 'ja';
  return january ? monthLabel(at) : format(at, ja ? 'M月' : 'MMM', { locale: dateLocale() });
}

/** A number in the UI language's digits and separators (e.g. "1,234.5"). */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(uiLanguage() === 'ja' ? 'ja-JP' : 'en-US', {
    maximumFractionDigits,
  }).format(value);
}
