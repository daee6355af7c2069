import Dexie, { type Table } from 'dexie';
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
import { KEY_SEPARATOR, parseQuery } from '@/utils/domain/tokenize';
import { SIDES } from '@/utils/model/enums';
import type { TaiwaDb } from './database';
import { stripDerived } from './derive';
import { getLive, NotFoundError } from './write';

const WEEK = 7 * 86_400_000;

const live = <T extends { deleted: 0 | 1 }>(rows: T[]) => rows.filter((r) => !r.deleted);
const plain = <T extends Parameters<typeof stripDerived>[0]>(rows: T[]) =>
  live(rows).map((r) => stripDerived(r));

/**
 * Each person with their last held and next planned 1on1, open action count and cadence status.
 * Two table reads: the people and their figures, which every write keeps current (stats.ts).
 */
export async function peopleOverview(db: TaiwaDb, now: number): Promise<PersonOverview[]> {
  const [people, stats] = await db.transaction('r', [db.people, db.personStats], () =>
    Promise.all([db.people.toArray(), db.personStats.toArray()]),
  );
  const byPerson = new Map(stats.map((s) => [s.personId, s]));
  return live(people).map((row) => {
    const person = stripDerived<'people'>(row);
    const s = byPerson.get(person.id);
    const lastHeld = s?.held.find((h) => h.at <= now) ?? null;
    const nextPlanned = s?.planned.find((p) => p.at >= now) ?? null;
    return {
      person,
      lastHeld,
      nextPlanned,
      openActions: s?.openActions ?? 0,
      cadence: cadenceStatus(person.cadence, lastHeld?.at ?? null, now, nextPlanned?.at ?? null),
      upcoming: (s?.planned ?? []).filter((p) => p.at >= now && p.at < now + WEEK),
      conditions: (s?.held ?? []).map((h) => h.condition).reverse(),
    };
  });
}

/**
 * One page of a person's history, newest first: `limit` meetings before `before` with their notes
 * and action items, plus every open action item and goal. A five-year history is read a page at
 * a time as the user scrolls; `nextBefore` is where the next page starts (null at the end).
 * The first page also holds the chart points of every held 1on1 (small, and charted whole).
 */
export async function personTimeline(
  db: TaiwaDb,
  personId: string,
  page: { before?: number; limit?: number } = {},
): Promise<PersonTimeline> {
  const limit = page.limit ?? 20;
  const tables = [db.people, db.meetings, db.notes, db.actions, db.goals, db.personSeries];
  return db.transaction('r', tables, async () => {
    const person = await getLive(db, 'people', personId);
    const meetings = await db.meetings
      .where('[personId+at]')
      .between([personId, Dexie.minKey], [personId, page.before ?? Dexie.maxKey], true, false)
      .reverse()
      .limit(limit + 1)
      .toArray();
    const shown = meetings.slice(0, limit);
    const ids = shown.map((m) => m.id);
    // One indexed getAll per meeting, in parallel: cheaper here than a cursor over anyOf().
    const perMeeting = <R>(table: Table<R, string>) =>
      Promise.all(ids.map((id) => table.where('meetingId').equals(id).toArray())).then((r) =>
        r.flat(),
      );
    const [notes, meetingActions, open, goals, series] = await Promise.all([
      perMeeting(db.notes),
      perMeeting(db.actions),
      db.actions.where('[open+personId]').equals([1, personId]).toArray(),
      db.goals.where('personId').equals(personId).toArray(),
      page.before === undefined ? db.personSeries.get(personId) : undefined,
    ]);
    const actions = new Map([...meetingActions, ...open].map((a) => [a.id, a]));
    return {
      person: stripDerived<'people'>(person),
      meetings: plain(shown) as Meeting[],
      notes: plain(notes) as Note[],
      actions: plain([...actions.values()]) as ActionItem[],
      goals: plain(goals) as Goal[],
      nextBefore: meetings.length > limit ? (shown.at(-1)?.at ?? null) : null,
      series: series?.points ?? [],
    };
  });
}

/** Everything about one person at once, for the exports. */
export async function personHistory(db: TaiwaDb, personId: string): Promise<PersonTimeline> {
  return db.transaction('r', [db.people, db.meetings, db.notes, db.actions, db.goals], async () => {
    const person = await getLive(db, 'people', personId);
    const [meetings, notes, actions, goals] = await Promise.all([
      db.meetings.where('personId').equals(personId).toArray(),
      db.notes.where('personId').equals(personId).toArray(),
      db.actions.where('personId').equals(personId).toArray(),
      db.goals.where('personId').equals(personId).toArray(),
    ]);
    return {
      person: stripDerived<'people'>(person),
      meetings: (plain(meetings) as Meeting[]).sort(
        (a, b) =>
          (b.plannedStart ?? b.heldAt ?? b.createdAt) - (a.plannedStart ?? a.heldAt ?? a.createdAt),
      ),
      notes: plain(notes) as Note[],
      actions: plain(actions) as ActionItem[],
      goals: plain(goals) as Goal[],
      nextBefore: null,
      series: [],
    };
  });
}

/** What the prep panel, the notes sidebar and the notes page show for one meeting. */
export async function meetingView(db: TaiwaDb, meetingId: string): Promise<MeetingView> {
  return db.transaction('r', [db.people, db.meetings, db.notes, db.actions], async () => {
    const meeting = stripDerived<'meetings'>(await getLive(db, 'meetings', meetingId));
    const [person, notes, meetings, open, here] = await Promise.all([
      db.people.get(meeting.personId),
      db.notes.where('meetingId').equals(meetingId).toArray(),
      db.meetings.where('personId').equals(meeting.personId).toArray(),
      db.actions.where('[open+personId]').equals([1, meeting.personId]).toArray(),
      db.actions.where('meetingId').equals(meetingId).toArray(),
    ]);
    if (!person || person.deleted) throw new NotFoundError('people', meeting.personId);
    const member = memberSide(person.relationship);
    const liveNotes = plain(notes) as Note[];
    return {
      meeting,
      person: stripDerived<'people'>(person),
      shared: liveNotes.find((n) => n.kind === 'shared') ?? null,
      private: liveNotes.find((n) => n.kind === 'private') ?? null,
      agenda: orderAgenda(meeting.agenda, member),
      carriedAgenda: orderAgenda(carriedAgenda(plain(meetings) as Meeting[], meeting), member),
      openActions: openActionsFor(plain(open) as ActionItem[], meeting.personId, meetingId),
      actions: plain(here) as ActionItem[],
      nextPlanned: nextPlannedAfter(plain(meetings) as Meeting[], meeting),
    };
  });
}

/** The person's next planned 1on1 after `meeting` (a recurring event already has it), if any. */
function nextPlannedAfter(meetings: Meeting[], meeting: Meeting): MeetingView['nextPlanned'] {
  const after = meeting.plannedStart ?? meeting.heldAt ?? meeting.createdAt;
  const next = meetings
    .filter((m) => m.id !== meeting.id && m.status === 'planned' && (m.plannedStart ?? 0) > after)
    .sort((a, b) => (a.plannedStart ?? 0) - (b.plannedStart ?? 0))[0];
  return next?.plannedStart ? { id: next.id, at: next.plannedStart } : null;
}

/**
 * Reading is the cost: a key from the word index costs ~20 µs here, a record ~50–150 µs. So a
 * search reads keys in growing windows and records only a step at a time.
 */
const SLACK = 25;
const MAX_KEYS = 2_400;
/** A whole word's records are read as a filter up to this many (primary keys, one request). */
const FILTER_KEYS = 5_000;

/**
 * Full-text search over notes, agendas and action items, Japanese and English, newest first.
 * Index keys sort the records holding a word newest first, so a search reads the newest keys of
 * the query's words, keeps the records holding every word, and reads just enough of them for the
 * normalised text to decide. A word that is not a whole indexed word (the start of one, "care"
 * for "career") falls back to a prefix walk over the index.
 */
export async function search(db: TaiwaDb, query: string, limit = 50): Promise<SearchHit[]> {
  const { words, matches } = parseQuery(query);
  if (!words.length) return [];
  return db.transaction('r', [db.notes, db.meetings, db.actions], async () => {
    const [notes, meetings, actions] = await Promise.all([
      collect(db.notes, words, limit, (n) =>
        matches(n.text)
          ? hit('note', n.id, n.personId, n.meetingId, n.text, query, n.createdAt)
          : null,
      ),
      collect(db.meetings, words, limit, (m) => {
        const text =
          m.agenda.find((i) => matches(i.text))?.text ?? (matches(m.title) ? m.title : null);
        return text
          ? hit('agenda', m.id, m.personId, m.id, text, query, m.at ?? m.createdAt)
          : null;
      }),
      collect(db.actions, words, limit, (a) =>
        matches(a.text)
          ? hit('action', a.id, a.personId, a.meetingId, a.text, query, a.createdAt)
          : null,
      ),
    ]);
    return [...notes, ...meetings, ...actions].sort((a, b) => b.at - a.at).slice(0, limit);
  });
}

/** A table's records holding every word, newest first, read until `limit` of them are hits. */
async function collect<T extends { id: string; deleted: 0 | 1 }>(
  table: Table<T, string>,
  words: string[],
  limit: number,
  toHit: (row: T) => SearchHit | null,
): Promise<SearchHit[]> {
  const step = limit + SLACK;
  const hits: SearchHit[] = [];
  const read = new Set<string>();
  // Every record holding a whole word, read once (primary keys only, one request each): a list
  // that is complete rules records out exactly, so records holding only some of the words are
  // never read. Only a word's start (no whole word) is looked up window by window.
  const whole = new Map<string, { ids: Set<string>; complete: boolean } | null>();
  for (let window = 2 * step; ; window = Math.min(MAX_KEYS, window * 4)) {
    const lead = await newestHolding(table, words[0] ?? '', window);
    const filters: Set<string>[] = [];
    for (const word of words.slice(1)) {
      if (!whole.has(word)) {
        const ids = await wholeWordHolding(table, word, FILTER_KEYS);
        whole.set(
          word,
          ids.length ? { ids: new Set(ids), complete: ids.length < FILTER_KEYS } : null,
        );
      }
      const list = whole.get(word);
      if (list) {
        if (list.complete) filters.push(list.ids);
        continue;
      }
      // A list cut off by the window cannot rule a record out: the text check decides then.
      const starting = await newestHolding(table, word, window);
      if (starting.length < window) filters.push(new Set(starting));
    }
    const ids = lead.filter((id) => !read.has(id) && filters.every((set) => set.has(id)));
    for (let at = 0; at < ids.length && hits.length < limit; at += step) {
      const batch = ids.slice(at, at + step);
      batch.forEach((id) => read.add(id));
      for (const row of await table.bulkGet(batch)) {
        const found = row && !row.deleted ? toHit(row) : null;
        if (found) hits.push(found);
      }
    }
    if (hits.length >= limit || lead.length < window || window >= MAX_KEYS) return hits;
  }
}

/** Primary keys of the newest records holding the whole word `word`, at most `max`. */
function wholeWordHolding<T>(table: Table<T, string>, word: string, max: number) {
  return table
    .where('tokens')
    .between(word + KEY_SEPARATOR, word + '\u0002', true, false)
    .limit(max)
    .primaryKeys();
}

/** Primary keys of the newest records holding `word` (or, failing that, a word it starts). */
async function newestHolding<T>(
  table: Table<T, string>,
  word: string,
  window: number,
): Promise<string[]> {
  const exact = await wholeWordHolding(table, word, window);
  if (exact.length) return [...new Set(exact)];
  const longer: { age: string; id: string }[] = [];
  await table
    .where('tokens')
    .between(word + '\u0002', word + '\uffff', true, true)
    .until(() => longer.length >= window)
    .eachKey((key, cursor) => {
      const text = String(key);
      longer.push({ age: text.slice(text.indexOf(KEY_SEPARATOR) + 1), id: cursor.primaryKey });
    });
  longer.sort((a, b) => (a.age < b.age ? -1 : 1));
  return [...new Set(longer.map((l) => l.id))];
}

function hit(
  kind: SearchHit['kind'],
  id: string,
  personId: string,
  meetingId: string | null,
  text: string,
  query: string,
  at: number,
): SearchHit {
  return { kind, id, personId, meetingId, excerpt: excerpt(text, query), at };
}

function excerpt(text: string, query: string, radius = 60): string {
  const first = query.normalize('NFKC').toLowerCase().trim().split(/\s+/)[0] ?? '';
  const at = Math.max(0, text.normalize('NFKC').toLowerCase().indexOf(first));
  const start = Math.max(0, at - radius);
  const end = Math.min(text.length, at + first.length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** A person's done action items, the latest done first (the history page asks when shown). */
export async function doneActions(db: TaiwaDb, personId: string): Promise<ActionItem[]> {
  const rows = await db.actions.where('personId').equals(personId).toArray();
  return (plain(rows) as ActionItem[])
    .filter((a) => a.done)
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
}

/**
 * Open action items across people (optionally only one side's), due first. `skip` leaves some
 * out (archived people's) and `limit` stops after that many: the popup reads the first few only.
 */
export async function openActions(
  db: TaiwaDb,
  owner?: ActionItem['owner'],
  { skip, limit = Infinity }: { skip?: (a: ActionItem) => boolean; limit?: number } = {},
): Promise<ActionItem[]> {
  const owners = owner ? [owner] : SIDES;
  const rows = await Promise.all(
    owners.map((side) =>
      db.actions
        .where('[open+owner+dueKey]')
        .between([1, side, Dexie.minKey], [1, side, Dexie.maxKey])
        .filter((a) => !a.deleted && !skip?.(a))
        .limit(limit)
        .toArray(),
    ),
  );
  return (plain(rows.flat()) as ActionItem[])
    .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity) || a.createdAt - b.createdAt)
    .slice(0, limit);
}

/** How many open action items `owner` has, leaving out those of `except` people. */
export async function countOpenActions(
  db: TaiwaDb,
  owner: ActionItem['owner'],
  except: ReadonlySet<string>,
): Promise<number> {
  const all = await db.actions
    .where('[open+owner+dueKey]')
    .between([1, owner, Dexie.minKey], [1, owner, Dexie.maxKey])
    .count();
  const left = await Promise.all(
    [...except].map((personId) =>
      db.actions
        .where('[open+personId]')
        .equals([1, personId])
        .filter((a) => a.owner === owner)
        .count(),
    ),
  );
  return all - left.reduce((a, b) => a + b, 0);
}

/** Meetings whose time falls in [from, to), oldest first (e.g. the upcoming week). */
export async function meetingsBetween(db: TaiwaDb, from: number, to: number): Promise<Meeting[]> {
  const rows = await db.meetings.where('at').between(from, to, true, false).toArray();
  return plain(rows) as Meeting[];
}
