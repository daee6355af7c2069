import type { Table } from 'dexie';
import type { SearchHit } from '@/utils/messaging/views';
import { KEY_SEPARATOR, parseQuery } from '@/utils/domain/tokenize';
import type { TaiwaDb } from './database';

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
