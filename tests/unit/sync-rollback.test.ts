// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { deletePerson } from '@/entrypoints/background/db/erase';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { toPayload } from '@/entrypoints/background/sync/apply';
import { decryptDoc, docIdFor, encryptDoc } from '@/entrypoints/background/sync/crypto';
import { readKeys } from '@/entrypoints/background/sync/state';
import { encodeHlc, isAcceptableClock } from '@/utils/domain/hlc';
import type { TableName } from '@/utils/model/entities';
import { addMeeting, addNote, addPerson } from './helpers/db';
import { connectDevice, sync, useCouchServer, useDevices, type Device } from './helpers/sync';

const { server, dbName } = useCouchServer();
const [laptop, desktop, tablet] = useDevices(3);
const AUTH = { authorization: `Basic ${btoa('taiwa:secret-pass')}` };

type Doc = Record<string, unknown> & { _id: string; _rev: string };

async function pair(): Promise<void> {
  await connectDevice(laptop!, server(), dbName(), 'first');
  await connectDevice(desktop!, server(), dbName(), 'join');
}

async function syncAll(...devices: Device[]): Promise<void> {
  for (const device of devices) expect((await sync(device)).lastError).toBeNull();
}

/** The server's document of a record, as stored. */
async function serverDoc(device: Device, table: TableName, id: string): Promise<Doc> {
  const docId = await docIdFor((await readKeys(device.db))!, table, id);
  return (await server().rawDocs(dbName())).find((d: Doc) => d._id === docId);
}

/** What an operator restoring a backup does: an old document back, as a new revision. */
async function putBack(old: Doc): Promise<void> {
  const current = (await server().rawDocs(dbName())).find((d: Doc) => d._id === old._id);
  const response = await fetch(`${server().url}/${dbName()}/${old._id}`, {
    method: 'PUT',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ ...old, _rev: current._rev }),
  });
  expect(response.status).toBe(201);
}

/** A document written with this data set's keys, as a buggy or compromised device could. */
async function putForged(device: Device, table: TableName, record: object, label?: object) {
  const keys = (await readKeys(device.db))!;
  const { id, hlc, deleted } = record as { id: string; hlc: string; deleted: 0 | 1 };
  const docId = await docIdFor(keys, table, id);
  const payload = toPayload(table, record as never);
  const doc = await encryptDoc(keys, docId, payload, { c: hlc, d: deleted, ...label });
  const current = (await server().rawDocs(dbName())).find((d: Doc) => d._id === docId);
  const response = await fetch(`${server().url}/${dbName()}/${docId}`, {
    method: 'PUT',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ ...doc, _rev: current?._rev }),
  });
  expect(response.status).toBe(201);
}

describe('a server that serves an older copy', () => {
  it('cannot bring an old note text back into a note edited since: refused, reported, repaired', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson());
    const meeting = await laptop!.act(() => addMeeting(person.id));
    const note = await laptop!.act(() => addNote(meeting.id, 'Old plan: move to sales', 'private'));
    await syncAll(laptop!, desktop!);
    const backup = await serverDoc(laptop!, 'notes', note.id);
    await laptop!.act(() => addNote(meeting.id, 'New plan: stay', 'private'));
    await syncAll(laptop!, desktop!);
    // The desktop has seen "New plan" on the server; it goes on writing.
    await desktop!.act(() => addNote(meeting.id, 'New plan: stay and lead the release', 'private'));

    await putBack(backup);
    const status = await sync(desktop!);
    expect(status).toMatchObject({ lastError: null, rejected: 1, rejectedFor: { rollback: 1 } });
    expect((await desktop!.db.notes.get(note.id))?.text).toBe(
      'New plan: stay and lead the release',
    );

    // The desktop's version went back over it: the laptop gets it, and no old text.
    const repaired = await serverDoc(desktop!, 'notes', note.id);
    const keys = (await readKeys(desktop!.db))!;
    expect(((await decryptDoc(keys, repaired)).value as { r: { text: string } }).r.text).toBe(
      'New plan: stay and lead the release',
    );
    await syncAll(laptop!);
    expect((await laptop!.db.notes.get(note.id))?.text).toBe('New plan: stay and lead the release');
  });

  it('cannot bring back a person and a private note deleted elsewhere, once a device saw the deletion', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson({ name: 'Haruka Sato' }));
    const meeting = await laptop!.act(() => addMeeting(person.id));
    const note = await laptop!.act(() => addNote(meeting.id, '評価の不安', 'private'));
    await syncAll(laptop!, desktop!);
    const backup = await Promise.all([
      serverDoc(laptop!, 'people', person.id),
      serverDoc(laptop!, 'notes', note.id),
    ]);
    await laptop!.act(() => writeTransaction((ctx) => deletePerson(ctx, person.id)));
    await syncAll(laptop!, desktop!);

    // The server puts the live copies back (or, to a device that never saw it, withholds the deletion).
    for (const doc of backup) await putBack(doc);
    const status = await sync(desktop!);
    expect(status).toMatchObject({ lastError: null, rejected: 2, rejectedFor: { rollback: 2 } });
    expect(await desktop!.db.people.get(person.id)).toMatchObject({ deleted: 1, name: '' });
    expect(await desktop!.db.notes.get(note.id)).toMatchObject({ deleted: 1, text: '' });

    // Repaired: a device joining now is given the deletions, and refuses them put back again.
    await connectDevice(tablet!, server(), dbName(), 'join');
    await syncAll(tablet!);
    expect(await tablet!.db.notes.get(note.id)).toMatchObject({ deleted: 1, text: '' });
    for (const doc of backup) await putBack(doc);
    expect(await sync(tablet!)).toMatchObject({ rejectedFor: { rollback: 2 } });
    expect(await tablet!.db.people.get(person.id)).toMatchObject({ deleted: 1 });
  });
});

describe('a record with a bad clock', () => {
  it('is refused and reported, and leaves this device’s clock alone', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson({ name: 'Aiko' }));
    await syncAll(laptop!, desktop!);
    const template = (await laptop!.db.people.get(person.id))!;
    const ahead = encodeHlc({ wall: Date.now() + 25 * 3_600_000, counter: 0, deviceId: 'x' });
    for (const [id, hlc] of [
      ['bad-clock', 'z'],
      ['future-clock', ahead],
    ] as const) {
      const email = `${id}@example.com`;
      await putForged(laptop!, 'people', { ...template, id, email, hlc, fieldHlc: { name: hlc } });
    }

    const status = await sync(desktop!);
    expect(status).toMatchObject({ lastError: null, rejected: 2, rejectedFor: { clock: 2 } });
    expect(await desktop!.db.people.count()).toBe(1);
    const clock = (await desktop!.db.meta.get('clock'))?.value as string;
    expect(isAcceptableClock(clock, Date.now())).toBe(true);
    expect(clock < ahead).toBe(true);
    // A write made now is stamped now.
    const later = await desktop!.act(() => addPerson({ name: 'Ben', email: 'ben@example.com' }));
    expect(isAcceptableClock(later.hlc, Date.now())).toBe(true);
    expect(later.hlc < ahead).toBe(true);
  });

  it('a record refused because this device’s clock was behind is taken in once it is right', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson({ name: 'Aiko' }));
    await syncAll(laptop!, desktop!);
    const template = (await laptop!.db.people.get(person.id))!;
    // Written by a device whose clock is 25 h ahead of this one's (this one runs behind).
    const ahead = encodeHlc({ wall: Date.now() + 25 * 3_600_000, counter: 0, deviceId: 'x' });
    const record = { ...template, id: 'from-the-future', email: 'f@example.com', hlc: ahead };
    await putForged(laptop!, 'people', { ...record, fieldHlc: { name: ahead } });
    expect((await sync(desktop!)).rejectedFor).toEqual({ clock: 1 });
    expect(await desktop!.db.people.get('from-the-future')).toBeUndefined();
    // This device's clock is set right (a day later, by the wall): the next run reads it again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 26 * 3_600_000 });
    try {
      await sync(desktop!);
      expect((await desktop!.db.people.get('from-the-future'))?.name).toBe('Aiko');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a document labelled with another version than the one it holds is refused as altered', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson({ name: 'Aiko' }));
    await syncAll(laptop!, desktop!);
    const row = (await laptop!.db.people.get(person.id))!;
    const hlc = encodeHlc({ wall: Date.now(), counter: 0, deviceId: 'x' });
    await putForged(laptop!, 'people', { ...row, name: 'Aiko T.', hlc }, { c: `${hlc}0` });
    expect(await sync(desktop!)).toMatchObject({ rejectedFor: { tampered: 1 } });
    expect((await desktop!.db.people.get(person.id))?.name).toBe('Aiko');
  });
});
