// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { getDb } from '@/entrypoints/background/db/database';
import { connect } from '@/entrypoints/background/sync/setup';
import type { SyncError } from '@/entrypoints/background/sync/errors';
import { readStatus } from '@/entrypoints/background/sync/state';
import { addMeeting, addNote, addPerson, snapshot } from './helpers/db';
import { connectDevice, setupRequest, sync, useCouchServer, useDevices } from './helpers/sync';

const { server, dbName } = useCouchServer();
const [laptop, desktop] = useDevices(2);

const SECRETS: [string, string, string, string, string, string] = [
  'Haruka Sato',
  'haruka.sato@example.com',
  'キャリア相談と評価の不安',
  '育休からの復帰プランを一緒に考える',
  'Wants to move to the platform team',
  'Quarterly check-in',
];

describe('what the server sees', () => {
  it('stores no names, emails, titles or note text, in Japanese or English', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await laptop!.act(async () => {
      const person = await addPerson({ name: SECRETS[0], email: SECRETS[1] });
      const meeting = await addMeeting(person.id, {
        title: SECRETS[2],
        plannedStart: 1_790_000_000_000,
      });
      await addNote(meeting.id, `${SECRETS[3]}\n${SECRETS[4]}`);
      await addNote(meeting.id, SECRETS[5], 'private');
    });
    expect((await sync(laptop!)).lastError).toBeNull();

    const docs = await server().rawDocs(dbName());
    expect(docs.length).toBe(5); // key ring + person, meeting, two notes
    const everything = JSON.stringify(docs);
    for (const secret of [
      ...SECRETS,
      'aiko',
      '1790000000000',
      'shared',
      'private',
      'people',
      'notes',
    ]) {
      expect(everything).not.toContain(secret);
    }
    for (const doc of docs.filter((d: { _id: string }) => d._id !== 'taiwa-keyring')) {
      // Random-looking ids and ciphertext only, and the version each holds (a clock, a flag).
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'c', 'ct', 'd', 'iv', 'kid', 'v']);
      expect(doc._id).toMatch(/^r[\w-]{22}$/);
      expect(doc).toMatchObject({ v: 2, c: expect.stringMatching(/^\d{15}:\w{5}:[\w-]+$/), d: 0 });
    }
    // The key ring holds wrapped keys and the derivation's parameters, not the passphrase.
    const ring = docs.find((d: { _id: string }) => d._id === 'taiwa-keyring');
    expect(ring.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(JSON.stringify(ring)).not.toContain('correct horse');
  });
});

describe('tampering', () => {
  it('a ciphertext moved to another document fails to decrypt, is reported and not applied', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const [aiko, ben] = await laptop!.act(async () => [
      await addPerson({ name: 'Aiko', email: 'aiko@example.com' }),
      await addPerson({ name: 'Ben', email: 'ben@example.com' }),
    ]);
    await sync(laptop!);
    await connectDevice(desktop!, server(), dbName(), 'join');
    await sync(desktop!);
    expect((await desktop!.db.people.get(ben.id))?.name).toBe('Ben');

    // The server (or someone on it) puts Aiko's ciphertext into Ben's document.
    const docs = await server().rawDocs(dbName());
    const people = docs.filter((d: { _id: string }) => d._id !== 'taiwa-keyring');
    const [target, source] = people;
    const put = await fetch(`${server().url}/${dbName()}/${target._id}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${btoa('taiwa:secret-pass')}`,
      },
      body: JSON.stringify({ ...target, iv: source.iv, ct: source.ct }),
    });
    expect(put.status).toBe(201);
    const before = await desktop!.db.people.toArray();

    const status = await sync(desktop!);
    expect(status.rejected).toBe(1);
    expect(status.lastError).toBeNull();
    expect(await desktop!.db.people.toArray()).toEqual(before);
    void aiko;
  });

  it('a wrong passphrase is refused and changes nothing on the device', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await desktop!.act(() => addPerson());
    const before = await desktop!.act(() => snapshot());
    const attempt = desktop!.act(() =>
      connect(
        getDb(),
        setupRequest(server(), dbName(), { mode: 'join', passphrase: 'not the passphrase' }),
      ),
    );
    await expect(attempt).rejects.toMatchObject({ kind: 'wrong-passphrase' });
    expect(await desktop!.act(() => snapshot())).toEqual(before);
    expect((await desktop!.act(() => readStatus(getDb(), false))).enabled).toBe(false);
  });

  it('a first device does not overwrite data already on the server without consent', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await laptop!.act(() => addPerson());
    await sync(laptop!);
    const docsBefore = await server().rawDocs(dbName());

    const again = desktop!.act(() =>
      connect(getDb(), setupRequest(server(), dbName(), { mode: 'first' })),
    );
    await expect(again).rejects.toMatchObject({ offer: 'replace-server-data' });
    expect(await server().rawDocs(dbName())).toEqual(docsBefore);

    // With consent: the old data set is gone and the laptop notices it was replaced.
    await desktop!.act(() =>
      connect(
        getDb(),
        setupRequest(server(), dbName(), { mode: 'first', replaceServerData: true }),
      ),
    );
    const laptopStatus = await sync(laptop!);
    expect(laptopStatus.lastError?.kind).toBe('replaced');
    expect(laptopStatus.state).toBe('stopped');
    expect(await laptop!.db.people.count()).toBe(1);
  });

  it('replacing the data on a server that refuses deletions stops with an error in words, never loops', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await laptop!.act(() => addPerson());
    await sync(laptop!);
    const docsBefore = await server().rawDocs(dbName());
    server().setFault((req, res, next) => {
      if (!(req.method === 'POST' && req.path.endsWith('/_bulk_docs'))) return next();
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk));
      req.on('end', () => {
        const { docs } = JSON.parse(text) as { docs: { _id: string }[] };
        res.status(201).json(docs.map((d) => ({ id: d._id, error: 'forbidden', reason: 'no' })));
      });
    });
    const start = server().requests.length;
    const replace = desktop!.act(() =>
      connect(getDb(), setupRequest(server(), dbName(), { replaceServerData: true })),
    );
    await expect(replace).rejects.toMatchObject({ kind: 'delete-refused' });
    expect(server().requests.length - start).toBeLessThan(15);
    expect(await server().rawDocs(dbName())).toEqual(docsBefore);
    expect((await desktop!.act(() => readStatus(getDb(), false))).enabled).toBe(false);
  });

  it('replacing the data on a server that claims deletions it does not make ends, never loops', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await laptop!.act(async () => {
      for (let i = 0; i < 3; i++) await addPerson({ email: `p${i}@example.com` });
    });
    await sync(laptop!);
    server().setFault((req, res, next) => {
      if (!(req.method === 'POST' && req.path.endsWith('/_bulk_docs'))) return next();
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk));
      req.on('end', () => {
        const { docs } = JSON.parse(text) as { docs: { _id: string }[] };
        res.status(201).json(docs.map((d) => ({ id: d._id, ok: true, rev: '9-fake' })));
      });
    });
    const start = server().requests.length;
    const replace = desktop!.act(() =>
      connect(getDb(), setupRequest(server(), dbName(), { replaceServerData: true })),
    );
    await expect(replace).rejects.toBeDefined();
    expect(server().requests.length - start).toBeLessThan(15);
  });

  it('a database deleted and created again on the server is noticed; local data is kept and sent again on reconnect', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson({ name: 'Aiko' }));
    await sync(laptop!);
    const auth = { authorization: `Basic ${btoa('taiwa:secret-pass')}` };
    await fetch(`${server().url}/${dbName()}`, { method: 'DELETE', headers: auth });
    await fetch(`${server().url}/${dbName()}`, { method: 'PUT', headers: auth });

    const status = await sync(laptop!);
    expect(status).toMatchObject({ state: 'stopped', lastError: { kind: 'replaced' } });
    expect((await laptop!.db.people.get(person.id))?.name).toBe('Aiko');

    await connectDevice(laptop!, server(), dbName(), 'first');
    expect((await sync(laptop!)).lastError).toBeNull();
    await connectDevice(desktop!, server(), dbName(), 'join');
    await sync(desktop!);
    expect((await desktop!.db.people.get(person.id))?.name).toBe('Aiko');
  });

  it('setup failures each name their step', async () => {
    const attempt = (fields: Parameters<typeof setupRequest>[2]) =>
      laptop!.act(() =>
        connect(getDb(), setupRequest(server(), dbName(), fields)).then(
          () => 'connected',
          (error: SyncError & { offer?: string }) => error.offer ?? error.kind,
        ),
      );
    expect(await attempt({ url: 'http://sync.example.com' })).toBe('insecure-url');
    expect(await attempt({ url: 'not a url' })).toBe('bad-url');
    expect(await attempt({ db: 'Bad Name' })).toBe('bad-url');
    expect(await attempt({ password: 'wrong' })).toBe('unauthorized');
    expect(await attempt({ createDatabase: false })).toBe('create-database');
    expect(await attempt({ mode: 'join' })).toBe('no-keyring');
    server().setFault((req, res, next) =>
      req.path === '/' ? res.json({ hello: 'world' }) : next(),
    );
    expect(await attempt({})).toBe('not-couchdb');
    server().setFault((req, res, next) =>
      req.path.startsWith('/_local') || req.method === 'PUT'
        ? res.status(403).json({ error: 'forbidden' })
        : next(),
    );
    expect(await attempt({})).toBe('forbidden');
    server().setFault(null);
    expect(await attempt({})).toBe('connected');
    expect(await laptop!.act(() => readStatus(getDb(), false))).toMatchObject({
      enabled: true,
      state: 'ok',
    });
  });
});
