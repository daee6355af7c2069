import Dexie from 'dexie';
import type { ActionItem, Goal, Meeting, Note } from '@/utils/model/entities';
import type {
  MeetingView,
  PersonOverview,
  PersonTimeline,
  SearchHit,
} from '@/utils/messaging/views';
import { orderAgenda, memberSide } from '@/utils/domain/agenda';
import { cadenceStatus } from '@/utils/domain/cadence';
import { carriedAgenda, openActionsFor } from '@/utils/domain/carry-over';
import { parseQuery } from '@/utils/domain/tokenize';
import type { Row, TaiwaDb } from './database';
import { stripDerived } from './derive';
import { NotFoundError } from './write';

const live = <T extends { deleted: 0 | 1 }>(rows: T[]) => rows.filter((r) => !r.deleted);

/**
 * Each person with their last held and next planned 1on1, open action count and cadence status.
 * Uses the [personId+at] and open indexes: a handful of short index walks per person, never a
 * scan of all meetings.
 */
export async function peopleOverview(db: TaiwaDb, now: number): Promise<PersonOverview[]> {
  return db.transaction('r', [db.people, db.meetings, db.actions], async () => {
    const people = live(await db.people.toArray());
    const openCounts = new Map<string, number>();
    await db.actions
      .where('open')
      .equals(1)
      .each((a) => openCounts.set(a.personId, (openCounts.get(a.personId) ?? 0) + 1));
    return Promise.all(
      people.map(async (row) => {
        const person = stripDerived<'people'>(row);
        const [last, next] = await Promise.all([
          db.meetings
            .where('[personId+at]')
            .between([person.id, Dexie.minKey], [person.id, now], true, true)
            .reverse()
            .filter((m) => m.status === 'held' && !m.deleted)
            .first(),
          db.meetings
            .where('[personId+at]')
            .between([person.id, now], [person.id, Dexie.maxKey], false, true)
            .filter((m) => m.status === 'planned' && !m.deleted)
            .first(),
        ]);
        const lastAt = last ? (last.heldAt ?? last.at ?? 0) : null;
        return {
          person,
          lastHeld:
            last && lastAt !== null ? { id: last.id, at: lastAt, condition: last.condition } : null,
          nextPlanned: next?.at !== undefined ? { id: next.id, at: next.at } : null,
          openActions: openCounts.get(person.id) ?? 0,
          cadence: cadenceStatus(person.cadence, lastAt, now, next?.at ?? null),
        };
      }),
    );
  });
}

/** Everything about one person, for the history page and the exports. */
export async function personTimeline(db: TaiwaDb, personId: string): Promise<PersonTimeline> {
  return db.transaction('r', [db.people, db.meetings, db.notes, db.actions, db.goals], async () => {
    const person = await db.people.get(personId);
    if (!person || person.deleted) throw new NotFoundError('people', personId);
    const [meetings, notes, actions, goals] = await Promise.all([
      db.meetings
        .where('[personId+at]')
        .between([personId, Dexie.minKey], [personId, Dexie.maxKey])
        .reverse()
        .toArray(),
      db.notes.where('personId').equals(personId).toArray(),
      db.actions.where('personId').equals(personId).toArray(),
      db.goals.where('personId').equals(personId).toArray(),
    ]);
    const strip = <T extends Parameters<typeof stripDerived>[0]>(rows: T[]) =>
      live(rows).map((r) => stripDerived(r));
    return {
      person: stripDerived<'people'>(person),
      meetings: strip(meetings) as Meeting[],
      notes: strip(notes) as Note[],
      actions: strip(actions) as ActionItem[],
      goals: strip(goals) as Goal[],
    };
  });
}

/** What the prep panel, the notes sidebar and the notes page show for one meeting. */
export async function meetingView(db: TaiwaDb, meetingId: string): Promise<MeetingView> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || meeting.deleted) throw new NotFoundError('meetings', meetingId);
  const timeline = await personTimeline(db, meeting.personId);
  const current = stripDerived<'meetings'>(meeting);
  const notes = timeline.notes.filter((n) => n.meetingId === meetingId);
  const member = memberSide(timeline.person.relationship);
  return {
    meeting: current,
    person: timeline.person,
    shared: notes.find((n) => n.kind === 'shared') ?? null,
    private: notes.find((n) => n.kind === 'private') ?? null,
    agenda: orderAgenda(current.agenda, member),
    carriedAgenda: orderAgenda(carriedAgenda(timeline.meetings, current), member),
    openActions: openActionsFor(timeline.actions, meeting.personId, meetingId),
    actions: timeline.actions.filter((a) => a.meetingId === meetingId),
  };
}

/**
 * Full-text search over notes, agendas and action items, Japanese and English. The token index
 * narrows the candidates; the normalised text decides. Newest first.
 */
export async function search(db: TaiwaDb, query: string, limit = 50): Promise<SearchHit[]> {
  const { tokens, matches } = parseQuery(query);
  if (!tokens.length) return [];
  // The longest tokens are the most selective; two are enough to narrow, the text decides.
  const probes = [...tokens].sort((a, b) => b.length - a.length).slice(0, 2);
  const candidates = async <T extends { id: string }>(table: Dexie.Table<T, string>) => {
    const sets = await Promise.all(
      probes.map((t) => table.where('tokens').startsWith(t).primaryKeys()),
    );
    const [first, ...rest] = sets.map((ids) => new Set(ids));
    const ids = [...(first ?? [])].filter((id) => rest.every((s) => s.has(id)));
    return (await table.bulkGet(ids)).filter((r): r is T => !!r);
  };
  return db.transaction('r', [db.notes, db.meetings, db.actions], async () => {
    const [notes, meetings, actions] = await Promise.all([
      candidates<Row<'notes'>>(db.notes),
      candidates<Row<'meetings'>>(db.meetings),
      candidates<Row<'actions'>>(db.actions),
    ]);
    const meetingAt = new Map<string, number>();
    const noteMeetings = await db.meetings.bulkGet([...new Set(notes.map((n) => n.meetingId))]);
    for (const m of noteMeetings) if (m) meetingAt.set(m.id, m.at ?? m.createdAt);
    const hits: SearchHit[] = [];
    for (const n of live(notes)) {
      if (matches(n.text)) {
        hits.push({
          kind: 'note',
          id: n.id,
          personId: n.personId,
          meetingId: n.meetingId,
          excerpt: excerpt(n.text, query),
          at: meetingAt.get(n.meetingId) ?? n.updatedAt,
        });
      }
    }
    for (const m of live(meetings)) {
      const item = m.agenda.find((i) => matches(i.text));
      const text = item?.text ?? (matches(m.title) ? m.title : null);
      if (text)
        hits.push({
          kind: 'agenda',
          id: m.id,
          personId: m.personId,
          meetingId: m.id,
          excerpt: excerpt(text, query),
          at: m.at ?? m.createdAt,
        });
    }
    for (const a of live(actions)) {
      if (matches(a.text)) {
        hits.push({
          kind: 'action',
          id: a.id,
          personId: a.personId,
          meetingId: a.meetingId,
          excerpt: excerpt(a.text, query),
          at: a.createdAt,
        });
      }
    }
    return hits.sort((a, b) => b.at - a.at).slice(0, limit);
  });
}

function excerpt(text: string, query: string, radius = 60): string {
  const first = query.normalize('NFKC').toLowerCase().trim().split(/\s+/)[0] ?? '';
  const at = Math.max(0, text.normalize('NFKC').toLowerCase().indexOf(first));
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + first.length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Open action items across people (optionally only the user's own promises), due first. */
export async function openActions(db: TaiwaDb, owner?: ActionItem['owner']): Promise<ActionItem[]> {
  const rows = await db.actions.where('open').equals(1).toArray();
  return live(rows)
    .filter((a) => !owner || a.owner === owner)
    .map((a) => stripDerived<'actions'>(a))
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.createdAt - b.createdAt);
}

/** Meetings whose time falls in [from, to), oldest first (e.g. the upcoming week). */
export async function meetingsBetween(db: TaiwaDb, from: number, to: number): Promise<Meeting[]> {
  const rows = await db.meetings.where('at').between(from, to, true, false).toArray();
  return live(rows).map((m) => stripDerived<'meetings'>(m));
}
