import type { ActionItem, AgendaItem, Meeting } from '@/utils/model/entities';

/**
 * Open action items belong to the person, not to a meeting: every open item from other meetings
 * shows in this one until it is done, whatever happened to the meeting it came from.
 */
export function openActionsFor(
  actions: readonly ActionItem[],
  personId: string,
  meetingId: string | null,
): ActionItem[] {
  return actions
    .filter((a) => a.personId === personId && !a.deleted && !a.done && a.meetingId !== meetingId)
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.createdAt - b.createdAt);
}

const originOf = (item: AgendaItem) => item.originId ?? item.id;
const startOf = (m: Meeting) => m.plannedStart ?? m.heldAt ?? m.createdAt;

/**
 * Agenda items still unfinished from the person's earlier meetings (held, skipped, cancelled or
 * simply past), for `meeting`. An item is finished once any copy of it, anywhere, is done, so it
 * is carried exactly once however often meetings move. Items already on this agenda are skipped.
 */
export function carriedAgenda(meetings: readonly Meeting[], meeting: Meeting): AgendaItem[] {
  const mine = meetings.filter((m) => m.personId === meeting.personId && !m.deleted);
  const done = new Set(mine.flatMap((m) => m.agenda.filter((i) => i.done).map(originOf)));
  const present = new Set(meeting.agenda.map(originOf));
  const carried = new Map<string, AgendaItem>();
  for (const earlier of mine
    .filter((m) => m.id !== meeting.id && startOf(m) < startOf(meeting))
    .sort((a, b) => startOf(a) - startOf(b))) {
    for (const item of earlier.agenda) {
      const origin = originOf(item);
      if (done.has(origin) || present.has(origin) || carried.has(origin)) continue;
      carried.set(origin, { ...item, originId: origin });
    }
  }
  return [...carried.values()];
}
