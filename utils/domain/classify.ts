import type { Person } from '@/utils/model/entities';

/**
 * Default title keywords (docs/architecture.md § Detection). 面談 is opt-in: an evaluation
 * interview is not a 1on1.
 */
export const DEFAULT_KEYWORDS = ['1on1', '1:1', '1-on-1', 'one on one', '1対1', 'ワンオンワン'];
export const OPT_IN_KEYWORDS = ['面談'];

export interface Guest {
  email: string;
  name?: string;
  /** A room or other resource calendar. */
  isResource?: boolean;
  /** A mailing list or group invited as one guest. */
  isGroup?: boolean;
}

export interface CalendarEventFacts {
  title: string;
  seriesId: string | null;
  guests: Guest[];
  organizerEmail?: string | null;
}

export interface ClassifyOptions {
  selfEmail: string | null;
  keywords: readonly string[];
  seriesVerdict?: 'always' | 'never' | null;
  personOverride?: Person['override'] | null;
}

export type Verdict = {
  isOneOnOne: boolean;
  reason: 'series-override' | 'person-override' | 'keyword' | 'two-guests' | 'none';
  counterpart: Guest | null;
};

/** The keywords in force: the user's list (or the defaults), plus 面談 only when they opted in. */
export function activeKeywords(settings: {
  keywords: readonly string[];
  includeMendan: boolean;
}): string[] {
  const base = settings.keywords.length ? settings.keywords : DEFAULT_KEYWORDS;
  return settings.includeMendan ? [...base, ...OPT_IN_KEYWORDS] : [...base];
}

/** NFKC plus case folding and single spaces: "１ｏｎ１", "1On1" and "1on1" read the same. */
export function normalizeText(text: string): string {
  // Plain ASCII needs no NFKC (a measurable cost when a month of chip titles is checked).
  const folded = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Keywords are whole tokens among Latin letters and digits; Japanese text has no spaces. */
const isLatinWordChar = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);

/**
 * A test for "this title contains a keyword as a whole token" ("1on1" yes, "11on12" no), with
 * the keywords normalised once for every title it is asked about.
 */
export function keywordMatcher(keywords: readonly string[]): (title: string) => boolean {
  const normalized = keywords.map(normalizeText).filter(Boolean);
  return (title) => {
    const text = normalizeText(title);
    return normalized.some((keyword) => {
      for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) {
        const before = text[at - 1];
        const after = text[at + keyword.length];
        if (!isLatinWordChar(before) && !isLatinWordChar(after)) return true;
      }
      return false;
    });
  };
}

/** Whether a title contains a keyword as a whole token ("1on1" yes, "11on12" no). */
export function matchesKeyword(title: string, keywords: readonly string[]): boolean {
  return keywordMatcher(keywords)(title);
}

const RESOURCE_DOMAIN = /@resource\.calendar\.google\.com$/i;
const GROUP_CALENDAR = /@(group\.calendar|group\.v\.calendar)\.google\.com$/i;

/** Guests that are people: rooms, resources and groups do not count. */
export function humanGuests(guests: readonly Guest[]): Guest[] {
  const seen = new Set<string>();
  return guests.filter((guest) => {
    const email = guest.email.trim().toLowerCase();
    if (!email || guest.isResource || guest.isGroup) return false;
    if (RESOURCE_DOMAIN.test(email) || GROUP_CALENDAR.test(email)) return false;
    if (seen.has(email)) return false;
    seen.add(email);
    return true;
  });
}

/**
 * The other person in a 1on1: the one human guest who is not the user. With the user's address
 * unknown, the organizer is taken as the user. Null when it is not exactly one person.
 */
export function resolveCounterpart(
  guests: readonly Guest[],
  selfEmail: string | null,
  organizerEmail?: string | null,
): Guest | null {
  const self = (selfEmail ?? organizerEmail ?? '').trim().toLowerCase();
  const others = humanGuests(guests).filter((g) => g.email.trim().toLowerCase() !== self);
  const [only] = others;
  return others.length === 1 && only ? { ...only, email: only.email.trim().toLowerCase() } : null;
}

/**
 * Is this calendar event a 1on1? The user's choice for the series wins, then their choice for the
 * person, then the title keywords, then "exactly two human guests: the user and one other".
 */
export function classifyEvent(event: CalendarEventFacts, options: ClassifyOptions): Verdict {
  const counterpart = resolveCounterpart(event.guests, options.selfEmail, event.organizerEmail);
  if (options.seriesVerdict) {
    return {
      isOneOnOne: options.seriesVerdict === 'always',
      reason: 'series-override',
      counterpart,
    };
  }
  if (options.personOverride && options.personOverride !== 'auto') {
    return {
      isOneOnOne: options.personOverride === 'always',
      reason: 'person-override',
      counterpart,
    };
  }
  if (matchesKeyword(event.title, options.keywords)) {
    return { isOneOnOne: true, reason: 'keyword', counterpart };
  }
  const humans = humanGuests(event.guests);
  const hasGroup = event.guests.some((g) => g.isGroup || GROUP_CALENDAR.test(g.email));
  if (humans.length === 2 && counterpart && !hasGroup) {
    return { isOneOnOne: true, reason: 'two-guests', counterpart };
  }
  return { isOneOnOne: false, reason: 'none', counterpart };
}
