// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeTransaction, onLocalWrite } from '@/entrypoints/background/db/write';
import { applyRemote } from '@/entrypoints/background/sync/apply';
import { PERIODIC_ALARM, requestSync } from '@/entrypoints/background/sync/runner';
import { META, readKeys, updateRunState } from '@/entrypoints/background/sync/state';
import { AFTER_WRITE_MS, setupSyncSchedule } from '@/entrypoints/background/sync-schedule';
import { createPerson } from '@/entrypoints/background/db/people';
import { addPerson } from './helpers/db';
import { deliver } from './helpers/deliver';
import { senders } from './helpers/senders';
import { connectDevice, setupRequest, sync, useCouchServer, useDevices } from './helpers/sync';
import { setupApi } from '@/entrypoints/background/api/policy';

const { server, dbName } = useCouchServer();
const [laptop, desktop] = useDevices(2);
const AUTH = { authorization: `Basic ${btoa('taiwa:secret-pass')}` };

/** The browser's host permissions, as far as sync uses them. */
function hostAccess() {
  const remove = vi.fn(async () => true);
  Object.assign(fakeBrowser.permissions, { contains: vi.fn(async () => true), remove });
  return { remove };
}

const keyRingReads = () =>
  server().requests.filter((r) => r.path.endsWith('/taiwa-keyring')).length;

describe('runs', () => {
  it('run one at a time: asked for during a run, it runs once more afterwards, not once per ask', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await laptop!.act(() => addPerson());
    const before = keyRingReads();
    const [a, b, c] = await laptop!.act(() =>
      Promise.all([requestSync('now'), requestSync('now'), requestSync('alarm')]),
    );
    expect(keyRingReads() - before).toBe(2);
    expect(a).toEqual(b);
    expect(c.pending).toBe(0);
  });

  it('start a few seconds after a local write, never for records sync itself applied', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const heard = vi.fn();
    const stop = onLocalWrite(heard);
    await laptop!.act(() => applyRemote([], 0));
    expect(heard).not.toHaveBeenCalled();
    await laptop!.act(() => writeTransaction((ctx) => createPerson(ctx, { name: 'Aiko' })));
    expect(heard).toHaveBeenCalledTimes(1);
    stop();

    const stopSchedule = setupSyncSchedule();
    const pushes = () => server().requests.filter((r) => r.path.endsWith('/_bulk_docs')).length;
    const before = pushes();
    await laptop!.act(() => addPerson({ name: 'Ben', email: 'ben@example.com' }));
    await new Promise((resolve) => setTimeout(resolve, AFTER_WRITE_MS / 2));
    expect(pushes()).toBe(before);
    await vi.waitFor(() => expect(pushes()).toBe(before + 1), { timeout: AFTER_WRITE_MS + 3_000 });
    stopSchedule();
  });

  it('on alarms, except while stopped or waiting out a back-off; "Sync now" always runs', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    const stopSchedule = setupSyncSchedule();
    await laptop!.act(() => updateRunState(laptop!.db, { stopped: true }));
    const before = keyRingReads();
    await laptop!.act(() =>
      fakeBrowser.alarms.onAlarm.trigger({
        name: PERIODIC_ALARM,
        scheduledTime: Date.now(),
        persistAcrossSessions: true,
      }),
    );
    await laptop!.act(() => requestSync('alarm'));
    expect(keyRingReads()).toBe(before);

    await laptop!.act(() =>
      updateRunState(laptop!.db, { stopped: false, nextAttemptAt: Date.now() + 60_000 }),
    );
    await laptop!.act(() => requestSync('alarm'));
    expect(keyRingReads()).toBe(before);

    await laptop!.act(() => updateRunState(laptop!.db, { nextAttemptAt: null }));
    await laptop!.act(() => requestSync('alarm'));
    expect(keyRingReads()).toBe(before + 1);
    expect((await sync(laptop!)).state).toBe('ok');
    expect(keyRingReads()).toBe(before + 2);
    stopSchedule();
  });
});

describe('the sync messages', () => {
  it('are refused from Google tabs and the frames inside them', async () => {
    setupApi();
    const request = setupRequest(server(), dbName());
    for (const sender of [
      senders.calendarTab(),
      senders.meetTab(),
      senders.panelFrame(),
      senders.otherExtension(),
    ]) {
      await expect(deliver('syncConnect', request, sender)).rejects.toThrow(/Refused/);
      await expect(deliver('getSyncStatus', undefined, sender)).rejects.toThrow(/Refused/);
    }
  });

  it('connect from the options page, answer failures as words to show, and forget the device on request', async () => {
    setupApi();
    const { remove } = hostAccess();
    await laptop!.act(async () => {
      const person = await addPerson();
      expect(await deliver('getSyncStatus', undefined, senders.popup())).toMatchObject({
        enabled: false,
        state: 'off',
      });
      const refused = await deliver(
        'syncConnect',
        setupRequest(server(), dbName(), { password: 'nope' }),
        senders.options(),
      );
      expect(refused).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
      const offer = await deliver(
        'syncConnect',
        setupRequest(server(), dbName(), { createDatabase: false }),
        senders.options(),
      );
      expect(offer).toMatchObject({ ok: false, offer: 'create-database' });

      const connected = await deliver(
        'syncConnect',
        setupRequest(server(), dbName()),
        senders.options(),
      );
      expect(connected).toMatchObject({ ok: true, status: { enabled: true } });
      expect(await readKeys(laptop!.db)).toBeDefined();
      expect(await fakeBrowser.alarms.get(PERIODIC_ALARM)).toBeDefined();

      // A bad payload is refused before anything happens.
      await expect(
        deliver('syncForget', { confirm: 'yes' } as never, senders.options()),
      ).rejects.toThrow(/Invalid/);
      const off = await deliver('syncForget', { confirm: 'forget-this-device' }, senders.options());
      expect(off).toMatchObject({ enabled: false });
      expect(await readKeys(laptop!.db)).toBeUndefined();
      expect(await laptop!.db.meta.get(META.config)).toBeUndefined();
      expect(await fakeBrowser.alarms.get(PERIODIC_ALARM)).toBeUndefined();
      expect((await laptop!.db.people.get(person.id))?.name).toBe('Aiko Tanaka');
      // The browser's access to the server is given back.
      // The host, any port: Firefox takes no port in a pattern.
      expect(remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    });
  });

  it('delete all data with the server copy: from the options page only; every Taiwa document there goes, then this device forgets', async () => {
    setupApi();
    const { remove } = hostAccess();
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson());
    expect((await sync(laptop!)).lastError).toBeNull();
    await connectDevice(desktop!, server(), dbName(), 'join');
    expect((await sync(desktop!)).lastError).toBeNull();
    // Not Taiwa's: stays.
    await fetch(`${server().url}/${dbName()}/notes-of-someone-else`, {
      method: 'PUT',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{"text":"mine"}',
    });
    const request = { confirm: 'delete-everything', serverCopy: true } as const;

    const before = await server().rawDocs(dbName());
    await expect(laptop!.act(() => deliver('deleteAll', request, senders.popup()))).rejects.toThrow(
      /Refused/,
    );
    expect(await server().rawDocs(dbName())).toEqual(before);
    expect((await laptop!.db.people.get(person.id))?.deleted).toBe(0);

    const done = await laptop!.act(() => deliver('deleteAll', request, senders.options()));
    expect(done).toEqual({ ok: true });
    expect((await server().rawDocs(dbName())).map((d: { _id: string }) => d._id)).toEqual([
      'notes-of-someone-else',
    ]);
    expect((await laptop!.db.people.get(person.id))?.deleted).toBe(1);
    expect(await readKeys(laptop!.db)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(PERIODIC_ALARM)).toBeUndefined();
    expect(remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    // The other device keeps its copy and stops: the data set is gone.
    expect(await sync(desktop!)).toMatchObject({
      state: 'stopped',
      lastError: { kind: 'replaced' },
    });
    expect((await desktop!.db.people.get(person.id))?.deleted).toBe(0);
  });

  it('delete all data with the server copy, refused by the server: nothing deleted here, sync stays on', async () => {
    setupApi();
    await connectDevice(laptop!, server(), dbName(), 'first');
    const person = await laptop!.act(() => addPerson());
    expect((await sync(laptop!)).lastError).toBeNull();
    server().setFault((req, res, next) =>
      req.method === 'POST' && req.path.endsWith('/_bulk_docs')
        ? res.status(403).json({ error: 'forbidden' })
        : next(),
    );
    const request = { confirm: 'delete-everything', serverCopy: true } as const;
    const failed = await laptop!.act(() => deliver('deleteAll', request, senders.options()));
    expect(failed).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    expect((await laptop!.db.people.get(person.id))?.deleted).toBe(0);
    expect(await readKeys(laptop!.db)).toBeDefined();
    expect((await server().rawDocs(dbName())).length).toBe(2);
  });
});
