import { enUS } from 'date-fns/locale/en-US';
import { ja } from 'date-fns/locale/ja';
import { formatDistanceStrict, format } from 'date-fns';
import { uiLanguage } from './ui-language';

const dateLocale = () => (uiLanguage() === 'ja' ? ja : enUS);

/** "12 days ago" / "12日前". */
export function ago(at: number, now = Date.now()): string {
  return formatDistanceStrict(at, now, { addSuffix: true, locale: dateLocale() });
}

/** A short date and time: "Tue, Nov 24, 10:00" / "11月24日(火) 10:00". */
export function shortDateTime(at: number): string {
  return format(at, uiLanguage() === 'ja' ? 'M月d日(E) H:mm' : 'EEE, MMM d, H:mm', {
    locale: dateLocale(),
  });
}

/** A short date: "Nov 24" / "11月24日". */
export function shortDate(at: number): string {
  return format(at, uiLanguage() === 'ja' ? 'M月d日' : 'MMM d', { locale: dateLocale() });
}
