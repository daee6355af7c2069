import { describe, expect, it } from 'vitest';
import { getDb } from '@/entrypoints/background/db/database';
import { saveRecord, tombstone, writeTransaction } from '@/entrypoints/background/db/write';
import { addAction, addMeeting, addPerson, snapshot, useFreshDb } from './helpers/db';

useFreshDb();

describe('saveRecord', () => {
  it('creates records with random ids and the fields sync needs', async () => {
    const a = await addPerson();
    const b = await addPerson({ email: 'b@example.com' });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ dirty: 1, version: 1, deleted: 0, rev: null });
    expect(a.deviceId).toBe(b.deviceId);
    expect(a.fieldHlc.email).toBe(a.hlc);
    expect(b.hlc > a.hlc).toBe(true);
  });

  it('stamps only the fields that changed, and writes nothing when nothing did', async () => {
    const person = await addPerson();
    const renamed = await writeTransaction((ctx) =>
      saveRecord(ctx, 'people', person.id, { name: 'Aiko T.', email: person.email }),
    );
    expect(renamed.version).toBe(2);
    expect(renamed.fieldHlc.name).toBe(renamed.hlc);
    expect(renamed.fieldHlc.email).toBe(person.fieldHlc.email);
    const before = await snapshot();
    const same = await writeTransaction((ctx) =>
      saveRecord(ctx, 'people', person.id, { name: 'Aiko T.' }),
    );
    expect(same.version).toBe(2);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses invalid content and leaves the database as it was', async () => {
    const person = await addPerson();
    const before = await snapshot();
    await expect(
      writeTransaction((ctx) =>
        saveRecord(ctx, 'meetings', null, { personId: person.id, condition: 9 }, { create: true }),
      ),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('rolls the whole transaction back when any part fails', async () => {
    const person = await addPerson();
    const before = await snapshot();
    await expect(
      writeTransaction(async (ctx) => {
        await saveRecord(ctx, 'people', person.id, { name: 'changed' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to update what does not exist or was deleted', async () => {
    await expect(
      writeTransaction((ctx) => saveRecord(ctx, 'people', 'nope', { name: 'x' })),
    ).rejects.toThrow(/No people record/);
    const person = await addPerson();
    await writeTransaction((ctx) => tombstone(ctx, 'people', person.id));
    await expect(
      writeTransaction((ctx) => saveRecord(ctx, 'people', person.id, { name: 'x' })),
    ).rejects.toThrow(/No people record/);
  });
});

describe('tombstone', () => {
  it('clears the content, keeps the references, and marks it for sync', async () => {
    const person = await addPerson();
    const meeting = await addMeeting(person.id, { title: 'Secret topic' });
    const action = await addAction(person.id, meeting.id, 'Private promise');
    await writeTransaction((ctx) => tombstone(ctx, 'actions', action.id));
    const row = await getDb().actions.get(action.id);
    expect(row).toMatchObject({ deleted: 1, text: '', personId: person.id, dirty: 1, open: 0 });
    // Its words are out of the search structure (before v8: its `tokens` were emptied).
    const postings = await getDb().postings.toArray();
    expect(postings.some((p) => p.refs.split(' ').includes(`a${action.id}`))).toBe(false);
    expect(postings.some((p) => p.refs.split(' ').includes(`m${meeting.id}`))).toBe(true);
    expect(row!.version).toBe(action.version + 1);
  });
});
