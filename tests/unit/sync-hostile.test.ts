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

const AUTH = { authorization: `Basic ${btoa('taiwa:secret-pass')}` };
const BIG = 'x'.repeat(200_000);
type Res = {
  json(b: unknown): void;
  setHeader(k: string, v: string): void;
  write(s: string): void;
  end(): void;
};

/** A JSON answer sent in chunks, with no Content-Length to go by. */
function streamed(res: Res, padding: string): void {
  res.setHeader('content-type', 'application/json');
  res.write('{"results":[],"last_seq":0,"x":"');
  for (let at = 0; at < padding.length; at += 10_000) res.write(padding.slice(at, at + 10_000));
  res.write('"}');
  res.end();
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

describe('answers beyond what was asked', () => {
  const [desktop] = useDevices(1);
  const pulls = (srv: CouchServer) => srv.requests.filter((r) => r.path.includes('/_changes'));
  const limits = (requests: { path: string }[]) =>
    requests.map((r) => Number(/limit=(\d+)/.exec(r.path)?.[1]));

  /** A first device with `count` action items on the server, and a second one joined. */
  async function onServer(count: number, text = (i: number) => `item ${i}`) {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await laptop!.act(async () => {
      const person = await addPerson();
      for (let i = 0; i < count; i++) await addAction(person.id, null, text(i));
    });
    expect((await sync(laptop!)).lastError).toBeNull();
    await connectDevice(desktop!, server(), dbName(), 'join');
  }

  for (const [how, send] of [
    ['declared in Content-Length', (res: Res) => res.json({ results: [], last_seq: 0, x: BIG })],
    ['streamed without a length', (res: Res) => streamed(res, BIG)],
  ] as const) {
    it(`an answer larger than the cap (${how}) is not read: stopped, in words, nothing applied`, async () => {
      await pendingChanges();
      setSyncOptionsForTests({ couch: { maxResponseBytes: 50_000 }, engine: { retryPauseMs: 5 } });
      const before = await records(laptop!);
      server().setFault((req, res, next) =>
        req.path.endsWith('/_changes') ? send(res as never) : next(),
      );
      const { value, requests } = await requestsDuring(server(), () => sync(laptop!));
      expect(value).toMatchObject({ state: 'stopped', lastError: { kind: 'response-too-large' } });
      expect(await records(laptop!)).toEqual(before);
      // Asked again in halves down to one record, then given up: never read in full.
      expect(limits(requests.filter((r) => r.path.includes('/_changes')))).toEqual([
        100, 50, 25, 13, 7, 4, 2, 1,
      ]);
    });
  }

  it('a batch too large to read is asked for again in halves, and arrives whole', async () => {
    await onServer(12, (i) => `${i} ${'長いメモ'.repeat(500)}`);
    setSyncOptionsForTests({ couch: { maxResponseBytes: 40_000 }, engine: { retryPauseMs: 5 } });
    const start = pulls(server()).length;
    expect((await sync(desktop!)).lastError).toBeNull();
    expect(await desktop!.db.actions.count()).toBe(12);
    expect(Math.min(...limits(pulls(server()).slice(start)))).toBeLessThan(100);
  });

  it('`_changes` with more results than asked: taken up to the limit, each record once, checkpoint from the last one taken', async () => {
    await onServer(10);
    setSyncOptionsForTests({ engine: { batch: 4, retryPauseMs: 5 } });
    // The server ignores the limit.
    server().setFault((req, _res, next) => {
      if (req.path.endsWith('/_changes')) req.query.limit = '1000';
      next();
    });
    const all = (await (
      await fetch(`${server().url}/${dbName()}/_changes?since=0`, { headers: AUTH })
    ).json()) as { results: { seq: number }[]; last_seq: number };
    expect(all.results).toHaveLength(12); // key ring, person, 10 items
    const start = pulls(server()).length;
    expect((await sync(desktop!)).lastError).toBeNull();
    const since = pulls(server())
      .slice(start)
      .map((r) => Number(/since=(\d+)/.exec(r.path)?.[1]));
    expect(since).toEqual([0, all.results[3]!.seq, all.results[7]!.seq, all.last_seq]);
    expect((await desktop!.db.meta.get(META.since))?.value).toBe(all.last_seq);
    expect(await desktop!.db.actions.count()).toBe(10);
    // Each applied once: a record's first copy here is its version 0.
    expect((await desktop!.db.actions.toArray()).map((a) => a.version)).toEqual(Array(10).fill(0));
  });

  it('`_changes` that never moves on: the run stops after one answer, not at the request limit', async () => {
    await pendingChanges();
    setSyncOptionsForTests({ engine: { retryPauseMs: 5, maxRequests: 200 } });
    server().setFault((req, res, next) => {
      if (!req.path.endsWith('/_changes')) return next();
      const since = Number(req.query.since);
      res.json({ results: [{ id: 'rX', seq: since, changes: [] }], last_seq: since, pending: 5 });
    });
    const { value, requests } = await requestsDuring(server(), () => sync(laptop!));
    expect(value).toMatchObject({ lastError: { kind: 'bad-response' } });
    expect(requests.filter((r) => r.path.includes('/_changes'))).toHaveLength(1);
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
