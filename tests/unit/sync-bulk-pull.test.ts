// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { saveAction } from '@/entrypoints/background/db/actions';
import { META_KEYS } from '@/entrypoints/background/db/meta-keys';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { countPending } from '@/entrypoints/background/sync/state';
import { search } from '@/entrypoints/background/db/search';
import { setSyncOptionsForTests } from '@/entrypoints/background/sync/runner';
import { addAction, addMeeting, addPerson } from './helpers/db';
import { connectDevice, sync, useCouchServer, useDevices } from './helpers/sync';

const { server, dbName } = useCouchServer();
const [laptop, desktop] = useDevices(2);

describe('a push', () => {
  it('rewrites no record: what it learnt is kept apart, and a record edited later waits again', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson());
    const action = await laptop!.act(() => addAction(person.id, null, 'draft the plan'));
    const db = laptop!.db;
    const before = await db.actions.get(action.id);
    expect((await sync(laptop!)).lastError).toBeNull();
    expect(await db.actions.get(action.id)).toEqual(before);
    const pushed = await db.syncRevs.get(`actions/${action.id}`);
    expect(pushed).toMatchObject({ v: before!.version, rev: expect.stringMatching(/^1-/) });
    expect(await countPending(db)).toBe(0);
    await laptop!.act(() =>
      writeTransaction((ctx) => saveAction(ctx, action.id, { text: 'draft the plan by Friday' })),
    );
    expect(await countPending(db)).toBe(1);
    expect((await sync(laptop!)).lastError).toBeNull();
    expect(await countPending(db)).toBe(0);
    // The second push named the first one's revision: the server took it as the next one.
    expect((await db.syncRevs.get(`actions/${action.id}`))?.rev).toMatch(/^2-/);
    await connectDevice(desktop!, server(), dbName(), 'join');
    expect((await sync(desktop!)).lastError).toBeNull();
    expect((await desktop!.db.actions.get(action.id))?.text).toBe('draft the plan by Friday');
  });
});

describe('a pull', () => {
  it("writes the search words and people's figures of what it pulled once, at its end", async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson());
    const meeting = await laptop!.act(() => addMeeting(person.id, { title: 'roadmap 1on1' }));
    for (let i = 0; i < 12; i++) {
      await laptop!.act(() => addAction(person.id, meeting.id, `quarterly plan ${i}`));
    }
    expect((await sync(laptop!)).lastError).toBeNull();
    setSyncOptionsForTests({ engine: { batch: 5 } });
    try {
      await connectDevice(desktop!, server(), dbName(), 'join');
      expect((await sync(desktop!)).lastError).toBeNull();
    } finally {
      setSyncOptionsForTests({});
    }
    const db = desktop!.db;
    expect(await search(db, 'quarterly')).toHaveLength(12);
    expect((await search(db, 'roadmap')).map((h) => h.kind)).toEqual(['agenda']);
    expect((await db.personStats.get(person.id))?.openActions).toBe(12);
    expect(await db.meta.get(META_KEYS.searchStale)).toBeUndefined();
    expect(await db.meta.get(META_KEYS.statsStale)).toBeUndefined();
  });

  it('cut short by the server, still writes the words and figures of what it did pull', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson());
    for (let i = 0; i < 12; i++) await laptop!.act(() => addAction(person.id, null, `hiring ${i}`));
    expect((await sync(laptop!)).lastError).toBeNull();
    await connectDevice(desktop!, server(), dbName(), 'join');
    // The third request for changes fails for good: two batches of five are in by then.
    let changes = 0;
    server().setFault((req, res, next) => {
      if (req.path.endsWith('/_changes') && ++changes >= 3) return void res.status(400).end();
      next();
    });
    setSyncOptionsForTests({ engine: { batch: 5, attempts: 1 } });
    try {
      expect((await sync(desktop!)).lastError).not.toBeNull();
    } finally {
      setSyncOptionsForTests({});
      server().setFault(null);
    }
    const db = desktop!.db;
    const pulled = (await db.actions.toArray()).length;
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(12);
    // What was pulled is found, and its figures are right, once the run ended.
    expect(await search(db, 'hiring')).toHaveLength(pulled);
    expect((await db.personStats.get(person.id))?.openActions).toBe(pulled);
    expect((await sync(desktop!)).lastError).toBeNull();
    expect(await search(db, 'hiring')).toHaveLength(12);
    expect((await db.personStats.get(person.id))?.openActions).toBe(12);
  });

  it('stopped with the worker (marks left), is finished by the next run before anything else', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson());
    await laptop!.act(() => addAction(person.id, null, 'mentoring budget'));
    const db = laptop!.db;
    // As a worker stopped mid-pull leaves it: the marks, figures and words not written.
    await db.personStats.put({ personId: person.id, held: [], planned: [], openActions: 0 });
    await db.postings.clear();
    await db.vocab.clear();
    await db.meta.bulkPut([
      { key: META_KEYS.statsStale, value: [person.id] },
      { key: META_KEYS.searchStale, value: true },
    ]);
    expect((await sync(laptop!)).lastError).toBeNull();
    expect((await db.personStats.get(person.id))?.openActions).toBe(1);
    expect(await db.meta.get(META_KEYS.statsStale)).toBeUndefined();
    expect(await db.meta.get(META_KEYS.searchStale)).toBeUndefined();
    expect(await db.vocab.get('mentoring')).toMatchObject({ n: 1 });
  });
});
