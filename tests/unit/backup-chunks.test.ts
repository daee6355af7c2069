import { describe, expect, it, vi } from 'vitest';
import { exportBackup, importBackup } from '@/entrypoints/background/db/backup';
import { getDb } from '@/entrypoints/background/db/database';
import { META_KEYS } from '@/entrypoints/background/db/meta-keys';
import { search } from '@/entrypoints/background/db/search';
import { addAction, addMeeting, addNote, addPerson, useFreshDb } from './helpers/db';

useFreshDb();

/** A backup of one person with `count` action items, the newest holding "needle". */
async function bigFile(count: number): Promise<string> {
  const backup = await exportBackup(getDb());
  const [person] = backup.data.people;
  const now = Date.now();
  backup.data.actions = Array.from({ length: count }, (_, i) => ({
    id: `bulk-${i}`,
    personId: person!.id,
    meetingId: null,
    owner: 'me' as const,
    text: i === count - 1 ? 'needle in the file' : `imported item ${i}`,
    due: null,
    done: false,
    doneAt: null,
    createdAt: now - (count - i) * 60_000,
    updatedAt: now,
    deleted: 0 as const,
  }));
  return JSON.stringify(backup);
}

describe('a large import', () => {
  it('is written in steps, each reported, and its words are found afterwards', async () => {
    await addPerson();
    const file = await bigFile(4_500);
    const steps: [number, number][] = [];
    await importBackup(getDb(), file, 'replace', (done, total) => steps.push([done, total]));
    const total = steps[0]![1];
    expect(steps[0]).toEqual([0, total]);
    expect(steps.at(-1)).toEqual([total, total]);
    // More than one step for the action items alone (2,000 records a step).
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.every(([done], i) => i === 0 || done > steps[i - 1]![0])).toBe(true);
    expect((await search(getDb(), 'needle')).map((h) => h.id)).toEqual(['bulk-4499']);
    expect(await getDb().meta.get(META_KEYS.searchStale)).toBeUndefined();
  });

  it('cut short, has deleted nothing, and search is rebuilt to find what it wrote', async () => {
    const aiko = await addPerson();
    const m = await addMeeting(aiko.id);
    await addNote(m.id, 'an old note about mentoring');
    await addAction(aiko.id, m.id, 'an old promise');
    const file = await bigFile(4_500);
    // Replace with a file that lacks the old note: it would be deleted at the very end.
    const withoutNote = JSON.parse(file) as { data: { notes: unknown[] } };
    withoutNote.data.notes = [];
    // The second step of action items fails (as a full disk would make it).
    type BulkPut = (this: { name: string }, ...args: unknown[]) => Promise<unknown>;
    const proto = Object.getPrototypeOf(getDb().actions) as { bulkPut: BulkPut };
    const real = proto.bulkPut;
    let calls = 0;
    const spy = vi.spyOn(proto, 'bulkPut').mockImplementation(function (
      this: { name: string },
      ...args
    ) {
      if (this.name === 'actions' && ++calls === 2) return Promise.reject(new Error('disk full'));
      return real.apply(this, args);
    });
    const steps: number[] = [];
    await expect(
      importBackup(getDb(), JSON.stringify(withoutNote), 'replace', (done) => steps.push(done)),
    ).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(steps.at(-1)).toBeGreaterThan(0);
    const note = (await getDb().notes.toArray()).find((n) => n.text.includes('mentoring'));
    expect(note?.deleted).toBe(0);
    expect(await getDb().meta.get(META_KEYS.searchStale)).toEqual({
      key: META_KEYS.searchStale,
      value: true,
    });
    expect((await search(getDb(), 'mentoring')).map((h) => h.kind)).toEqual(['note']);
    expect(await search(getDb(), 'imported')).toHaveLength(50);
  });

  it('with a problem in the file, writes nothing and reports no step', async () => {
    await addPerson();
    const file = JSON.parse(await bigFile(10)) as { data: { actions: { personId: string }[] } };
    file.data.actions[3]!.personId = 'nobody';
    const steps: number[] = [];
    await expect(
      importBackup(getDb(), JSON.stringify(file), 'merge', (done) => steps.push(done)),
    ).rejects.toThrow();
    expect(steps).toEqual([]);
    expect(await getDb().actions.count()).toBe(0);
  });
});
