import type {
  ActionItem,
  AgendaItem,
  Goal,
  Meeting,
  Person,
  ShareChannel,
} from '@/utils/model/entities';

/**
 * What an agenda or a recap may hold, as the background answers `getShareView`. It has no field
 * for the private memo or any private note: what is not read cannot be sent by mistake.
 */
export interface ShareView {
  person: Pick<Person, 'id' | 'name' | 'email' | 'relationship' | 'language' | 'shareVia'>;
  meeting: Pick<
    Meeting,
    'id' | 'title' | 'plannedStart' | 'heldAt' | 'status' | 'agendaSentAt' | 'recapSentAt'
  >;
  /** This meeting's agenda, the member's topics first (orderAgenda). */
  agenda: AgendaItem[];
  /** Open action items of both sides from earlier meetings. */
  openActions: ActionItem[];
  /** Action items created in this meeting, done or not. */
  actions: ActionItem[];
  /** The shared notes (what both agreed), as typed; '' when there are none. */
  sharedNotes: string;
  /** Active goals, to re-check. */
  goals: Goal[];
  /** The person's next planned 1on1 after this one. */
  nextPlanned: { at: number } | null;
}

export type ShareKind = 'agenda' | 'recap';

/** The channel to preselect: the one remembered for the person, else mail when there is an address. */
export function preferredChannel(person: ShareView['person']): ShareChannel {
  return person.shareVia ?? (person.email ? 'email' : 'chat');
}
