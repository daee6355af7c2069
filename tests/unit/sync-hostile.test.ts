// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '@/utils/model/entities';
import { setSyncOptionsForTests } from '@/entrypoints/background/sync/runner';
import { META } from '@/entrypoints/background/sync/state';
import type { Device } from './helpers/sync';
import { addAction, addPerson } from './helpers/db';
import { connectDevice, sync, useCouchServer, useDevices, type CouchServer } from './helpers/sync';

const { server, dbName } = useCouchServer();
const [laptop] = useDevices(1);

/** The user's records (not sync's own bookkeeping in `meta`). */
async function records(device: Device) {
  return Object.fromEntries(
    await Promise.all(TABLE_NAMES.map(async (t) => [t, await device.db.records(t).toArray()])),
  );
}

/** A connected device with local changes waiting, and the server about to misbehave. */
async function pendingChanges(): Promise<void> {
  await connectDevice(laptop!, server(), dbName(), 'first');
  await laptop!.act(async () => {
    const person = await addPerson();
    await addAction(person.id, null, 'Prepare the review');
  });
}

function requestsDuring<T>(srv: CouchServer, fn: () => Promise<T>) {
  const start = srv.requests.length;
  return fn().then((value) => ({ value, requests: srv.requests.slice(start) }));
}

const answer =
  (status: number, body: unknown = { error: 'nope' }) =>
  (
    req: { path: string },
    res: { status(n: number): { json(b: unknown): void } },
    next: () => void,
  ) =>
    req.path === '/' ? next() : res.status(status).json(body);

describe('a hostile or broken server', () => {
  for (const [status, kind] of [
    [401, 'unauthorized'],
    [403, 'forbidden'],
  ] as const) {
    it(`${status}: stops with a message, tries once, local data unchanged`, async () => {
      await pendingChanges();
      const before = await records(laptop!);
      server().setFault(answer(status));
      const { value, requests } = await requestsDuring(server(), () => sync(laptop!));
      expect(value).toMatchObject({
        state: 'stopped',
        lastError: { kind, status },
        pending: 2,
        nextAttemptAt: null,
      });
      expect(requests).toHaveLength(1);
      expect(await records(laptop!)).toEqual(before);
    });
  }

  it('404 for the data set: stops, saying the server data was replaced or removed', async () => {
    await pendingChanges();
    const before = await records(laptop!);
    server().setFault(answer(404, { error: 'not_found', reason: 'Database does not exist.' }));
    expect(await sync(laptop!)).toMatchObject({
      state: 'stopped',
      lastError: { kind: 'replaced' },
    });
    expect(await records(laptop!)).toEqual(before);
  });

  for (const [status, kind] of [
    [429, 'rate-limited'],
    [500, 'server'],
    [503, 'server'],
  ] as const) {
    it(`${status}: a bounded number of tries, then a later retry with back-off`, async () => {
      await pendingChanges();
      const before = await records(laptop!);
      server().setFault(answer(status));
      const started = Date.now();
      const { value, requests } = await requestsDuring(server(), () => sync(laptop!));
      expect(value).toMatchObject({ state: 'retrying', lastError: { kind, status }, pending: 2 });
      expect(requests).toHaveLength(3);
      // 30 s ± 50 % for the first failure.
      expect(value.nextAttemptAt! - started).toBeGreaterThanOrEqual(15_000);
      expect(value.nextAttemptAt! - started).toBeLessThanOrEqual(46_000);
      expect(await records(laptop!)).toEqual(before);

      // An alarm before the pause is over does not run; "Sync now" does, and recovers.
      server().setFault(null);
      expect(await sync(laptop!)).toMatchObject({ state: 'ok', lastError: null, pending: 0 });
    });
  }

  it('413: smaller batches, then a clear "too large" when even one record is refused', async () => {
    await pendingChanges();
    const before = await records(laptop!);
    server().setFault((req, res, next) =>
      req.path.endsWith('/_bulk_docs') ? res.status(413).json({ error: 'too_large' }) : next(),
    );
    const { value, requests } = await requestsDuring(server(), () => sync(laptop!));
    expect(value).toMatchObject({
      state: 'stopped',
      lastError: { kind: 'too-large', status: 413 },
    });
    const pushes = requests.filter((r) => r.path.endsWith('/_bulk_docs'));
    // Both records, then one: refused even alone.
    expect(pushes).toHaveLength(2);
    expect(pushes[1]!.size).toBeLessThan(pushes[0]!.size);
    expect(await records(laptop!)).toEqual(before);
  });

  it('413 above some size: the batch shrinks until the server takes it', async () => {
    await pendingChanges();
    server().setFault((req, res, next) =>
      req.path.endsWith('/_bulk_docs') && Number(req.headers['content-length']) > 2_000
        ? res.status(413).json({ error: 'too_large' })
        : next(),
    );
    const status = await sync(laptop!);
    expect(status).toMatchObject({ state: 'ok', pending: 0 });
  });

  it('garbage instead of JSON: bounded tries, then a clear status', async () => {
    await pendingChanges();
    const before = await records(laptop!);
    server().setFault((req, res, next) =>
      req.path === '/' ? next() : res.status(200).send('<html>oops'),
    );
    const { value, requests } = await requestsDuring(server(), () => sync(laptop!));
    expect(value).toMatchObject({ state: 'retrying', lastError: { kind: 'bad-response' } });
    expect(requests).toHaveLength(3);
    expect(await records(laptop!)).toEqual(before);
  });

  it('JSON of the wrong shape is refused, not applied', async () => {
    await pendingChanges();
    const before = await records(laptop!);
    server().setFault((req, res, next) =>
      req.path.endsWith('/_changes') ? res.json({ results: [{ id: 5 }], last_seq: {} }) : next(),
    );
    expect(await sync(laptop!)).toMatchObject({ lastError: { kind: 'bad-response' } });
    expect(await records(laptop!)).toEqual(before);
    expect(await laptop!.db.meta.get(META.since)).toBeUndefined();
  });

  it('a server that hangs: each request times out, the run ends, nothing changes', async () => {
    await pendingChanges();
    setSyncOptionsForTests({ couch: { timeoutMs: 300 }, engine: { retryPauseMs: 5 } });
    const before = await records(laptop!);
    server().setFault(() => {}); // never answers
    const started = Date.now();
    const { value, requests } = await requestsDuring(server(), () => sync(laptop!));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(value).toMatchObject({ state: 'retrying', lastError: { kind: 'timeout' } });
    expect(requests).toHaveLength(3);
    expect(await records(laptop!)).toEqual(before);
  });
});

describe('a server with opaque sequence values (as CouchDB sends)', () => {
  const opaque = useCouchServer({ opaqueSeq: true });
  const [other] = useDevices(1);

  it('syncs, and keeps the checkpoint exactly as the server gave it', async () => {
    await connectDevice(laptop!, opaque.server(), opaque.dbName(), 'first');
    await laptop!.act(async () => {
      const person = await addPerson({ name: 'Aiko' });
      await addAction(person.id, null, 'One');
    });
    await sync(laptop!);
    await connectDevice(other!, opaque.server(), opaque.dbName(), 'join');
    expect((await sync(other!)).lastError).toBeNull();
    expect((await other!.db.actions.toArray()).map((a) => a.text)).toEqual(['One']);
    const since = (await other!.db.meta.get(META.since))?.value;
    expect(since).toMatch(/^\d+-g1AAAA/);
    // The next run passes it back untouched.
    const start = opaque.server().requests.length;
    await sync(other!);
    const pull = opaque
      .server()
      .requests.slice(start)
      .find((r) => r.path.includes('_changes'));
    expect(pull?.path).toContain(`since=${encodeURIComponent(String(since))}`);
  });
});
