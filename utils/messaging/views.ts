import type { ActionItem, Goal, Meeting, Note, Person, Template } from '@/utils/model/entities';
import type { CadenceStatus } from '@/utils/domain/cadence';
import type { CALL_PHASES } from '@/utils/model/enums';
import type { AttentionReason } from '@/utils/domain/attention';
import type { PracticeMonth } from '@/utils/domain/practice';

/** The shapes the background's read messages answer with. */

export interface PersonOverview {
  person: Person;
  lastHeld: { id: string; at: number; condition: number | null } | null;
  nextPlanned: { id: string; at: number } | null;
  openActions: number;
  cadence: CadenceStatus;
  /** Planned 1on1s in the next seven days, soonest first. */
  upcoming: { id: string; at: number }[];
  /** Condition of the latest held 1on1s (a few), oldest first. */
  conditions: (number | null)[];
}

/** Everything the toolbar popup shows, in one answer: it opens dozens of times a day. */
export interface PopupView {
  /** Live people who are not archived, by name (the name is the address when there is none). */
  people: { id: string; name: string; openActions: number }[];
  /** The soonest first (see POPUP_LIMITS). */
  upcoming: { meetingId: string; at: number; personId: string }[];
  upcomingTotal: number;
  /** The most pressing first (see POPUP_LIMITS). */
  attention: { personId: string; reasons: AttentionReason[] }[];
  attentionTotal: number;
  /** What the user promised, open, due first (see POPUP_LIMITS). */
  myActions: ActionItem[];
  myActionsTotal: number;
}

/** The popup shows a glance: this many of each list, and how many more there are. */
export const POPUP_LIMITS = { upcoming: 10, attention: 8, myActions: 12 } as const;

/** One person's held 1on1s as points for the history charts, oldest first. */
export interface SeriesPoint {
  meetingId: string;
  at: number;
  condition: number | null;
  rating: number | null;
  /** The user's share of talk time, in percent, when it was measured. */
  talkSelfPercent: number | null;
}

/** The practice dashboard: the last months of the user's own 1on1s. */
export interface PracticeView {
  months: PracticeMonth[];
  talkTargetSelfPercent: number;
  /** People overdue right now. */
  overdueNow: string[];
}

/** What a person's page shows first, before its history: who, what is open, their goals. */
export interface PersonHead {
  person: Person;
  /** Open action items, both sides. */
  actions: ActionItem[];
  goals: Goal[];
}

export interface PersonTimeline {
  person: Person;
  /** Newest first. */
  meetings: Meeting[];
  notes: Note[];
  actions: ActionItem[];
  goals: Goal[];
  /** Where the next (older) page starts; null when there is none. */
  nextBefore: number | null;
  /** On the first page: every held 1on1 as chart points (later pages leave it empty). */
  series: SeriesPoint[];
}

export interface MeetingView {
  meeting: Meeting;
  person: Person;
  shared: Note | null;
  private: Note | null;
  /** This meeting's agenda, the member's topics first. */
  agenda: Meeting['agenda'];
  /** Unfinished items from earlier meetings of this person. */
  carriedAgenda: Meeting['agenda'];
  /** Open action items from earlier meetings of this person. */
  openActions: ActionItem[];
  /** Action items created in this meeting. */
  actions: ActionItem[];
  /** The person's next planned 1on1 after this one, if one is planned already. */
  nextPlanned: { id: string; at: number } | null;
}

export interface SearchHit {
  kind: 'note' | 'agenda' | 'action';
  id: string;
  personId: string;
  meetingId: string | null;
  /** The matching text, cut around the first match. */
  excerpt: string;
  at: number;
}

/** A calendar event as the prep panel shows it: what Google's card said, and Taiwa's verdict. */
export interface PrepEvent {
  eventId: string;
  seriesId: string | null;
  title: string;
  start: number | null;
  end: number | null;
  meetCode: string | null;
  isOneOnOne: boolean;
  reason: string;
  /** Whether "Treat as 1on1" can work: exactly one other person among the guests. */
  hasCounterpart: boolean;
}

/** Everything the prep panel shows for one event; `meeting` is null for events that are not 1on1s. */
export interface PrepView {
  /** Null when the event was never reported (the card is still being read). */
  event: PrepEvent | null;
  meeting: MeetingView | null;
  lastHeld: { id: string; at: number; sharedExcerpt: string | null } | null;
  cadence: CadenceStatus;
  /** Condition of the last held meetings, oldest first (at most 8). */
  conditionTrend: { meetingId: string; at: number; condition: number | null }[];
  /** Active goals, to re-check. */
  goals: Goal[];
  /** The user's own prompts (the built-in library ships with the UI). */
  prompts: Template[];
  showNotEvaluationReminder: boolean;
}

/** A Google page where Taiwa could not find what it reads: shown, never silent. */
/**
 * The prep panel's fragment for a card read only in part: `unread:guests,time` (Google event ids
 * are letters, digits and underscores, so they never start like this).
 */
export const UNREAD_PREFIX = 'unread:';

export interface HealthReport {
  surface: 'calendar' | 'meet';
  problems: string[];
  tabId: number;
  at: number;
  /** A redacted structure of the page was taken (ask getPageStructure for it). */
  hasStructure: boolean;
}

/** A Meet call as the notes sidebar shows it: where it stands, whose 1on1 it is, and talk time. */
export interface CallView {
  meetCode: string;
  phase: (typeof CALL_PHASES)[number];
  /** Null until Taiwa knows whose 1on1 this is; then the sidebar asks the user. */
  meetingId: string | null;
  participants: { name: string; isSelf: boolean }[];
  talk: { selfMs: number; othersMs: number; measurable: boolean; implausible?: boolean };
  /** When the user was first seen in the call. */
  joinedAt: number | null;
  plannedEnd: number | null;
  /** The user's share of talk time to aim for, in percent. */
  talkTargetSelfPercent: number;
  /**
   * The one other participant's name matches one known person: the sidebar asks "Is this your
   * 1on1 with …?" and shows nothing of theirs until the user says yes.
   */
  suggestion: { personId: string; name: string } | null;
  /** The user said this call (its Meet code) is not a 1on1: nothing is shown or recorded. */
  notOneOnOne: boolean;
  /** More than two people, or the user presenting: the private memo folds away. */
  exposed: boolean;
}
