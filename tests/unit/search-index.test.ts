import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/entrypoints/background/db/database';
import { updateMeeting } from '@/entrypoints/background/db/meetings';
import { search } from '@/entrypoints/background/db/search';
import { rebuildSearchIndex } from '@/entrypoints/background/db/search-index';
import { saveRecord, tombstone, writeTransaction } from '@/entrypoints/background/db/write';
import { META_KEYS } from '@/entrypoints/background/db/meta-keys';
import { addAction, addMeeting, addNote, addPerson, DAY, useFreshDb } from './helpers/db';

useFreshDb();

const NOW = Date.UTC(2026, 11, 2, 9);

/** Counts the records of `table` read by primary key (bulkGet) while `fn` runs. */
async function recordsRead(table: string, fn: () => Promise<unknown>): Promise<number> {
  const proto = Object.getPrototypeOf(getDb().table(table)) as {
    bulkGet: (keys: unknown[]) => unknown;
  };
  const spy = vi.spyOn(proto, 'bulkGet');
  try {
    await fn();
    return spy.mock.calls.reduce(
      (sum, [keys], i) =>
        sum + ((spy.mock.contexts[i] as { name: string }).name === table ? keys.length : 0),
      0,
    );
  } finally {
    spy.mockRestore();
  }
}

/** The search structure as stored, in a form two builds of it can be compared by. */
async function structure() {
  const db = getDb();
  const postings = (await db.postings.toArray()).map((p) => ({
    key: `${p.w}@${p.b}`,
    refs: p.refs.split(' ').sort(),
  }));
  const vocab = (await db.vocab.toArray()).map((v) => ({ ...v, b: [...v.b] }));
  return { postings, vocab };
}

describe('the search structure', () => {
  it('is kept by every write exactly as a fresh build from the records would make it', async () => {
    const aiko = await addPerson();
    const early = await addMeeting(aiko.id, {
      plannedStart: NOW - 200 * DAY,
      title: '設計 review',
    });
    const late = await addMeeting(aiko.id, { plannedStart: NOW, title: 'budget 相談' });
    const note = await addNote(early.id, 'career growth and budget');
    await addNote(late.id, 'キャリア 相談 budget', 'private');
    const a1 = await addAction(aiko.id, late.id, 'book the training');
    await addAction(aiko.id, early.id, 'share the budget');
    // Edits: words out and in, a meeting moved to another month, a deletion, two writes of one
    // record in one transaction.
    await addNote(early.id, 'career plan, no money talk');
    await writeTransaction((ctx) => updateMeeting(ctx, late.id, { plannedStart: NOW - 400 * DAY }));
    await writeTransaction((ctx) => tombstone(ctx, 'actions', a1.id));
    await writeTransaction(async (ctx) => {
      await saveRecord(
        ctx,
        'actions',
        'twice',
        { personId: aiko.id, text: 'first words' },
        { create: true },
      );
      await saveRecord(ctx, 'actions', 'twice', { text: 'second words only' });
    });
    const kept = await structure();
    expect(kept.vocab.map((v) => v.w)).not.toContain('first');
    expect(kept.vocab.map((v) => v.w)).not.toContain('money-less');
    expect(kept.postings.find((p) => p.key.startsWith('training@'))).toBeUndefined();
    await rebuildSearchIndex(getDb());
    expect(await structure()).toEqual(kept);
    expect(note.id).toBeTruthy();
  });

  it('answers a whole word with a half-typed second one by key: only records holding both are read', async () => {
    const aiko = await addPerson();
    const m = await addMeeting(aiko.id, { plannedStart: NOW });
    await writeTransaction(async (ctx) => {
      for (let i = 0; i < 300; i++) {
        await saveRecord(
          ctx,
          'actions',
          `d${i}`,
          { personId: aiko.id, meetingId: m.id, text: `設計 ${i}` },
          { create: true },
        );
      }
      await saveRecord(
        ctx,
        'actions',
        'both',
        { personId: aiko.id, meetingId: m.id, text: '設計 レビュー' },
        { create: true },
      );
    });
    let hits: { id: string }[] = [];
    const read = await recordsRead(
      'actions',
      async () => (hits = await search(getDb(), '設計 レビ')),
    );
    expect(hits.map((h) => h.id)).toEqual(['both']);
    expect(read).toBe(1);
  });

  it('answers a start that stands for more words than it narrows by, reading them all', async () => {
    const aiko = await addPerson();
    await writeTransaction(async (ctx) => {
      for (let i = 0; i < 210; i++) {
        const text = `wa${i} topic`;
        await saveRecord(ctx, 'actions', `w${i}`, { personId: aiko.id, text }, { create: true });
      }
    });
    expect(await getDb().vocab.where('w').startsWith('wa').count()).toBe(210);
    expect(await search(getDb(), 'wa')).toHaveLength(50);
    expect((await search(getDb(), 'wa topic', 300)).length).toBe(210);
    expect((await search(getDb(), 'topic wa20')).map((h) => h.id).sort()).toEqual(
      ['w20', ...Array.from({ length: 10 }, (_, i) => `w${200 + i}`)].sort(),
    );
  });

  it('reads months newest first and stops once it has enough', async () => {
    const aiko = await addPerson();
    for (let month = 0; month < 12; month++) {
      const m = await addMeeting(aiko.id, {
        plannedStart: NOW - month * 31 * DAY,
        title: `budget ${month}`,
      });
      expect(m.id).toBeTruthy();
    }
    let hits: { excerpt: string }[] = [];
    const read = await recordsRead(
      'meetings',
      async () => (hits = await search(getDb(), 'budget', 3)),
    );
    expect(hits.map((h) => h.excerpt)).toEqual(['budget 0', 'budget 1', 'budget 2']);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(12);
  });

  it('is rebuilt before a search when an upgrade or a cut-short import left it stale', async () => {
    const aiko = await addPerson();
    const m = await addMeeting(aiko.id);
    await addNote(m.id, 'mentoring plan');
    await getDb().postings.clear();
    await getDb().vocab.clear();
    expect(await search(getDb(), 'mentoring')).toEqual([]);
    await getDb().meta.put({ key: META_KEYS.searchStale, value: true });
    expect((await search(getDb(), 'mentoring')).map((h) => h.kind)).toEqual(['note']);
    expect(await getDb().meta.get(META_KEYS.searchStale)).toBeUndefined();
  });
});
