import { normalizeText } from './classify';

/** Hours around a meeting's planned start in which a call is taken to be that meeting. */
const SAME_MEETING_MS = 12 * 3_600_000;

/** A name compared without case, width, spacing or word order ("Tanaka Aiko" = "aiko tanaka"). */
function nameKey(name: string): string {
  return normalizeText(name).split(' ').filter(Boolean).sort().join(' ');
}

/**
 * The known person a call's other participants name, when exactly one person matches (by display
 * name, or by an address whose local part is the name). Ambiguity asks the user rather than guess.
 */
export function matchPersonByName<P extends { id: string; name: string; email: string }>(
  otherNames: readonly string[],
  people: readonly P[],
): P | null {
  const wanted = new Set(otherNames.map(nameKey).filter(Boolean));
  if (!wanted.size) return null;
  const matches = people.filter((person) => {
    const local = person.email.split('@')[0]?.replace(/[._-]+/g, ' ') ?? '';
    return wanted.has(nameKey(person.name)) || (local !== '' && wanted.has(nameKey(local)));
  });
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

interface CallMeeting {
  id: string;
  personId: string;
  status: string;
  plannedStart: number | null;
  heldAt: number | null;
  createdAt: number;
}

/**
 * Which recorded meeting a call with a known Meet code is. Recurring events keep their code, so
 * the code names the person, not the instance: the instance planned closest to now (within half a
 * day), else one held today (a rejoin), else none, and the caller starts a new meeting for the
 * person of the most recent one.
 */
export function pickMeetingForCall<M extends CallMeeting>(
  meetings: readonly M[],
  now: number,
): { meeting: M | null; personId: string | null } {
  const near = (at: number | null) => at !== null && Math.abs(at - now) <= SAME_MEETING_MS;
  const distance = (m: M) => Math.abs((m.plannedStart ?? now) - now);
  const planned = meetings
    .filter((m) => m.status === 'planned' && near(m.plannedStart))
    .sort((a, b) => distance(a) - distance(b))[0];
  const heldToday = meetings.find((m) => m.status === 'held' && near(m.heldAt));
  const latest = [...meetings].sort(
    (a, b) => (b.plannedStart ?? b.createdAt) - (a.plannedStart ?? a.createdAt),
  )[0];
  return { meeting: planned ?? heldToday ?? null, personId: latest?.personId ?? null };
}
