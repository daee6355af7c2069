import type { ActionItem, Goal, Meeting, Note, Person } from '@/utils/model/entities';
import type { CadenceStatus } from '@/utils/domain/cadence';

/** The shapes the background's read messages answer with. */

export interface PersonOverview {
  person: Person;
  lastHeld: { id: string; at: number; condition: number | null } | null;
  nextPlanned: { id: string; at: number } | null;
  openActions: number;
  cadence: CadenceStatus;
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
