// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { saveAction } from '@/entrypoints/background/db/actions';
import { META_KEYS } from '@/entrypoints/background/db/meta-keys';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { toPayload } from '@/entrypoints/background/sync/apply';
import { docIdFor, encryptDoc } from '@/entrypoints/background/sync/crypto';
import { countPending, readKeys } from '@/entrypoints/background/sync/state';
import { search } from '@/entrypoints/background/db/search';
import { setSyncOptionsForTests } from '@/entrypoints/background/sync/runner';
import { addAction, addMeeting, addPerson } from './helpers/db';
import { connectDevice, sync, useCouchServer, useDevices } from './helpers/sync';

const { server, dbName } = useCouchServer();
const AUTH = { authorization: `Basic ${btoa('taiwa:secret-pass')}` };
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

describe('after a push of more than a batch', () => {
  it('reads back its own changes without their documents, and fetches only the others', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson());
    for (let i = 0; i < 12; i++) await laptop!.act(() => addAction(person.id, null, `item ${i}`));
    const keys = (await readKeys(laptop!.db))!;
    // Another device's record lands on the server while this one pushes.
    const other = {
      ...(await laptop!.db.actions.toCollection().first())!,
      id: 'from-elsewhere',
      text: 'written on another device',
    };
    let written = false;
    const requests: string[] = [];
    server().setFault((req, _res, next) => {
      requests.push(`${req.method} ${req.url}`);
      if (written || !req.path.endsWith('/_bulk_docs')) return next();
      written = true;
      void (async () => {
        const docId = await docIdFor(keys, 'actions', other.id);
        const doc = await encryptDoc(keys, docId, toPayload('actions', other), {
          c: other.hlc,
          d: 0,
        });
        await fetch(`${server().url}/${dbName()}/${docId}`, {
          method: 'PUT',
          headers: { ...AUTH, 'content-type': 'application/json' },
          body: JSON.stringify(doc),
        });
      })().then(() => next());
    });
    setSyncOptionsForTests({ engine: { batch: 5 } });
    try {
      expect((await sync(laptop!)).lastError).toBeNull();
    } finally {
      setSyncOptionsForTests({});
      server().setFault(null);
    }
    expect((await laptop!.db.actions.get(other.id))?.text).toBe('written on another device');
    const lean = requests.filter((r) => r.includes('/_changes') && !r.includes('include_docs'));
    expect(lean.length).toBeGreaterThan(0);
    // Only the other device's document was fetched, not the thirteen this device had just sent.
    const fetched = requests.filter((r) => r.startsWith('POST') && r.includes('/_all_docs'));
    expect(fetched).toHaveLength(1);
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
