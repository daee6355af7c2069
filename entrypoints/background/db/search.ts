import type { SearchHit } from '@/utils/messaging/views';
import { parseQuery } from '@/utils/domain/tokenize';
import type { Row, TaiwaDb } from './database';
import {
  ensureSearchIndex,
  parseRef,
  SEARCH_TABLES,
  type PostingKey,
  type SearchTable,
} from './search-index';

/** Records read per step beyond the hits still wanted: some fail the final text check. */
const SLACK = 25;
/** A word's start standing for more indexed words than this does not narrow a search by key. */
const MAX_EXPANSION = 200;
/** Months read per step at most (the first step reads one, then 2, 4, …). */
const MAX_STEP = 16;

interface Term {
  /** The indexed words the query word stands for: itself, and those it starts. */
  words: string[];
  /** Per indexed word, the months it has postings in. */
  months: Map<string, Set<number>>;
  /** Postings of all its words: the smaller, the better it narrows. */
  n: number;
}

/**
 * Full-text search over notes, agendas and action items, Japanese and English, newest first.
 * Each query word is looked up in the vocabulary as a start (a half-typed "care" stands for
 * "career", "careful"), then the posting rows of those words are read a few months at a time,
 * newest first: records holding every word are known from the keys alone, and only those are
 * read, just enough of them for the normalised text to decide (search-index.ts).
 */
export async function search(db: TaiwaDb, query: string, limit = 50): Promise<SearchHit[]> {
  const { words, matches } = parseQuery(query);
  if (!words.length) return [];
  await ensureSearchIndex(db);
  return db.transaction('r', [db.vocab, db.postings, ...SEARCH_TABLES], async () => {
    const terms = await Promise.all(words.map((word) => lookUp(db, word)));
    if (terms.some((t) => t && !t.words.length)) return [];
    // A word standing for too many words is left to the text check; the rest narrow by key.
    const narrowing = terms.filter((t): t is Term => !!t).sort((a, b) => a.n - b.n);
    const lead = narrowing[0] ?? (await lookUp(db, words[0] ?? '', Infinity));
    if (!lead?.words.length) return [];
    const filters = narrowing.slice(1);
    const months = [...new Set([...lead.months.values()].flatMap((m) => [...m]))].sort(
      (a, b) => b - a,
    );
    const toHit = hitMaker(query, matches);
    const hits: SearchHit[] = [];
    for (let at = 0, width = 1; at < months.length && hits.length < limit; width *= 2) {
      const step = months.slice(at, at + Math.min(width, MAX_STEP));
      at += step.length;
      const candidates = await holdingAll(db, lead, filters, step);
      for (let from = 0; from < candidates.length && hits.length < limit;) {
        // Postings order records to the minute: a batch takes the rest of its last minute too,
        // so no record of that minute newer than the ones read is left behind.
        let to = Math.min(candidates.length, from + limit - hits.length + SLACK);
        const minuteAt = (i: number) => candidates[i]?.minute;
        while (to < candidates.length && minuteAt(to) === minuteAt(to - 1)) to++;
        const batch = candidates.slice(from, (from = to)).map((c) => c.ref);
        hits.push(...(await readHits(db, batch, toHit)));
      }
    }
    return hits.sort((a, b) => b.at - a.at).slice(0, limit);
  });
}

/**
 * The indexed words `word` stands for. Null when there are more than `max` (it narrows too
 * little to be worth reading); an empty list when no record holds it.
 */
async function lookUp(db: TaiwaDb, word: string, max = MAX_EXPANSION): Promise<Term | null> {
  const rows = await db.vocab
    .where('w')
    .startsWith(word)
    .limit(max + 1)
    .toArray();
  if (rows.length > max) return null;
  return {
    words: rows.map((r) => r.w),
    months: new Map(rows.map((r) => [r.w, new Set(r.b)])),
    n: rows.reduce((sum, r) => sum + r.n, 0),
  };
}

/** The records in months `step` holding a word of every term, newest first. */
async function holdingAll(
  db: TaiwaDb,
  lead: Term,
  filters: Term[],
  step: number[],
): Promise<{ ref: string; minute: number }[]> {
  const wanted = [lead, ...filters].map((term) =>
    step.flatMap((month) =>
      term.words.filter((w) => term.months.get(w)?.has(month)).map((w): PostingKey => [w, month]),
    ),
  );
  const rows = await db.postings.bulkGet(wanted.flat());
  let read = 0;
  const [leadRows, ...filterRows] = wanted.map((keys) => rows.slice(read, (read += keys.length)));
  const sets = filterRows.map(
    (list) => new Set(list.flatMap((row) => (row ? row.refs.split(' ') : []))),
  );
  const minuteOf = new Map<string, number>();
  for (const row of leadRows ?? []) {
    if (!row) continue;
    row.refs.split(' ').forEach((ref, i) => {
      if (sets.every((set) => set.has(ref))) minuteOf.set(ref, row.minutes[i] ?? 0);
    });
  }
  return [...minuteOf.entries()]
    .map(([ref, minute]) => ({ ref, minute }))
    .sort((a, b) => b.minute - a.minute);
}

type HitMaker = (table: SearchTable, row: Row<SearchTable>) => SearchHit | null;

/** The hits among records `refs` (in the order given), their text checked. */
async function readHits(db: TaiwaDb, refs: string[], toHit: HitMaker): Promise<SearchHit[]> {
  const parsed = refs.map(parseRef);
  const byTable = await Promise.all(
    SEARCH_TABLES.map(async (table) => {
      const ids = parsed.filter((p) => p.table === table).map((p) => p.id);
      const rows = ids.length ? await db.records(table).bulkGet(ids) : [];
      return new Map(ids.map((id, i) => [id, rows[i]] as const));
    }),
  );
  return parsed.flatMap(({ table, id }) => {
    const row = byTable[SEARCH_TABLES.indexOf(table)]?.get(id);
    const found = row && !row.deleted ? toHit(table, row as Row<SearchTable>) : null;
    return found ? [found] : [];
  });
}

function hitMaker(query: string, matches: (text: string) => boolean): HitMaker {
  return (table, row) => {
    switch (table) {
      case 'notes': {
        const n = row as Row<'notes'>;
        return matches(n.text)
          ? hit('note', n.id, n.personId, n.meetingId, n.text, query, n.createdAt)
          : null;
      }
      case 'meetings': {
        const m = row as Row<'meetings'>;
        const text =
          m.agenda.find((i) => matches(i.text))?.text ?? (matches(m.title) ? m.title : null);
        return text
          ? hit('agenda', m.id, m.personId, m.id, text, query, m.at ?? m.createdAt)
          : null;
      }
      case 'actions': {
        const a = row as Row<'actions'>;
        return matches(a.text)
          ? hit('action', a.id, a.personId, a.meetingId, a.text, query, a.createdAt)
          : null;
      }
    }
  };
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
