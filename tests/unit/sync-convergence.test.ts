// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { saveAction } from '@/entrypoints/background/db/actions';
import { updatePerson } from '@/entrypoints/background/db/people';
import { tombstone, writeTransaction } from '@/entrypoints/background/db/write';
import { setSyncOptionsForTests } from '@/entrypoints/background/sync/runner';
import { countPending } from '@/entrypoints/background/sync/state';
import type { TableName } from '@/utils/model/entities';
import { addAction, addMeeting, addNote, addPerson } from './helpers/db';
import { connectDevice, sync, useCouchServer, useDevices, type Device } from './helpers/sync';

const { server, dbName } = useCouchServer();
const [laptop, desktop] = useDevices(2);

async function pair(): Promise<void> {
  await connectDevice(laptop!, server(), dbName(), 'first');
  await connectDevice(desktop!, server(), dbName(), 'join');
}

/** Syncs the devices in turn, a few rounds; then none has anything left to send. */
async function converge(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const device of devices) expect((await sync(device)).lastError).toBeNull();
  }
  for (const device of devices) expect(await countPending(device.db)).toBe(0);
}

/** A device's records of a table, without this device's bookkeeping. */
async function contents(device: Device, table: TableName) {
  const rows = await device.db.records(table).toArray();
  return rows
    .map(({ dirty, version, rev, tokens, at, open, dueKey, pending, ...record }) => record)
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function expectSame(...tables: TableName[]): Promise<void> {
  for (const table of tables) {
    expect(await contents(desktop!, table)).toEqual(await contents(laptop!, table));
  }
}

describe('two devices converge', () => {
  it('after edits on both', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson({ name: 'Aiko', email: 'aiko@example.com' }));
    await converge(laptop!, desktop!);
    const meeting = await desktop!.act(() => addMeeting(person.id, { title: '1on1 Aiko' }));
    await desktop!.act(() => addAction(person.id, meeting.id, 'Send the deck'));
    await laptop!.act(() =>
      writeTransaction((ctx) => updatePerson(ctx, person.id, { cadence: 'weekly' })),
    );
    await converge(laptop!, desktop!);

    expect(await desktop!.db.people.get(person.id)).toMatchObject({
      name: 'Aiko',
      cadence: 'weekly',
      dirty: 0,
    });
    expect(await laptop!.db.meetings.get(meeting.id)).toMatchObject({
      title: '1on1 Aiko',
      dirty: 0,
    });
    expect((await laptop!.db.actions.toArray()).map((a) => a.text)).toEqual(['Send the deck']);
    await expectSame('people', 'meetings', 'actions');
    // The overview figures follow pulled records too.
    expect((await laptop!.db.personStats.get(person.id))?.openActions).toBe(1);
  });

  it('after concurrent edits of the same fields: the later write wins everywhere', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson({ name: 'Aiko', email: 'aiko@example.com' }));
    await converge(laptop!, desktop!);
    await laptop!.act(() =>
      writeTransaction((ctx) =>
        updatePerson(ctx, person.id, { name: 'Aiko T.', relationship: 'peer' }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await desktop!.act(() =>
      writeTransaction((ctx) =>
        updatePerson(ctx, person.id, { name: 'Aiko Tanaka', cadence: 'monthly' }),
      ),
    );
    await converge(laptop!, desktop!);

    // Per field: the desktop's later name, the laptop's relationship, the desktop's cadence.
    expect(await laptop!.db.people.get(person.id)).toMatchObject({
      name: 'Aiko Tanaka',
      relationship: 'peer',
      cadence: 'monthly',
    });
    await expectSame('people');
  });

  it('after concurrent edits of one note: no text is lost', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson());
    const meeting = await laptop!.act(() => addMeeting(person.id));
    await laptop!.act(() => addNote(meeting.id, 'Talked about the release.'));
    await converge(laptop!, desktop!);
    await laptop!.act(() => addNote(meeting.id, 'Talked about the release. 来期は登壇したい。'));
    await desktop!.act(() => addNote(meeting.id, 'Talked about the release. Wants a mentor.'));
    await converge(laptop!, desktop!);

    const notes = (await laptop!.db.notes.toArray()).filter((n) => !n.deleted);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).toContain('来期は登壇したい。');
    expect(notes[0]!.text).toContain('Wants a mentor.');
    await expectSame('notes');
  });

  it('when both devices started the notes of the same meeting: one note with both texts', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson());
    const meeting = await laptop!.act(() => addMeeting(person.id));
    await converge(laptop!, desktop!);
    await laptop!.act(() => addNote(meeting.id, 'From the laptop'));
    await desktop!.act(() => addNote(meeting.id, 'From the desktop'));
    await converge(laptop!, desktop!);

    for (const device of [laptop!, desktop!]) {
      const live = (await device.db.notes.toArray()).filter((n) => !n.deleted);
      expect(live).toHaveLength(1);
      expect(live[0]!.text).toContain('From the laptop');
      expect(live[0]!.text).toContain('From the desktop');
    }
    await expectSame('notes');
  });

  it('after a delete on one device and an edit on the other: deleted on both', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson());
    const action = await laptop!.act(() => addAction(person.id, null, 'Book the room'));
    await converge(laptop!, desktop!);
    await laptop!.act(() => writeTransaction((ctx) => tombstone(ctx, 'actions', action.id)));
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Edited later than the deletion, and still: a deletion is final on every device.
    await desktop!.act(() => addAction(person.id, null, 'unrelated'));
    await desktop!.act(() =>
      writeTransaction((ctx) => saveAction(ctx, action.id, { text: 'Book the big room' })),
    );
    await converge(laptop!, desktop!);

    for (const device of [laptop!, desktop!]) {
      expect(await device.db.actions.get(action.id)).toMatchObject({ deleted: 1, text: '' });
    }
    await expectSame('actions');
  });

  it('in many small batches', async () => {
    await pair();
    await desktop!.act(async () => {
      const person = await addPerson();
      for (let i = 0; i < 30; i++) await addAction(person.id, null, `item ${i}`);
    });
    setSyncOptionsForTests({ engine: { batch: 4, retryPauseMs: 5 } });
    const bulk = () => server().requests.filter((r) => r.path.includes('_bulk_docs')).length;
    const before = bulk();
    await converge(desktop!, laptop!);
    expect(bulk() - before).toBeGreaterThanOrEqual(8); // 31 records, 4 at a time
    expect(await laptop!.db.actions.count()).toBe(30);
    await expectSame('people', 'actions');
  });
});

describe('records of one thing made on two devices', () => {
  it('the same person and calendar event recorded on both become one, with both notes', async () => {
    await pair();
    const made = async (device: Device, from: string) =>
      device.act(async () => {
        const person = await addPerson({ name: 'Aiko', email: 'aiko@example.com' });
        const meeting = await addMeeting(person.id, { eventId: 'event-1', title: '1on1 Aiko' });
        await addNote(meeting.id, `From the ${from}`);
        await addAction(person.id, meeting.id, `Promise made on the ${from}`);
        return { person, meeting };
      });
    const onLaptop = await made(laptop!, 'laptop');
    const onDesktop = await made(desktop!, 'desktop');
    await converge(laptop!, desktop!, laptop!);

    const keep = [onLaptop.person.id, onDesktop.person.id].sort()[0];
    const meeting = [onLaptop.meeting.id, onDesktop.meeting.id].sort()[0];
    for (const device of [laptop!, desktop!]) {
      const live = async (table: TableName) =>
        (await device.db.records(table).toArray()).filter((r) => !r.deleted);
      expect((await live('people')).map((p) => p.id)).toEqual([keep]);
      expect(
        (await live('meetings')).map((m) => [m.id, (m as { personId: string }).personId]),
      ).toEqual([[meeting, keep]]);
      const notes = await live('notes');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ meetingId: meeting, personId: keep });
      expect((notes[0] as { text: string }).text).toContain('From the laptop');
      expect((notes[0] as { text: string }).text).toContain('From the desktop');
      const actions = await live('actions');
      expect(
        actions.map((a) => [
          (a as { personId: string }).personId,
          (a as { meetingId: string }).meetingId,
        ]),
      ).toEqual([
        [keep, meeting],
        [keep, meeting],
      ]);
    }
    await expectSame('people', 'meetings', 'notes', 'actions');
  });
});

describe('the send queue', () => {
  it('sends again a record edited while its batch was on the way', async () => {
    await pair();
    const person = await laptop!.act(() => addPerson());
    const action = await laptop!.act(() => addAction(person.id, null, 'Draft the plan'));
    let edited = false;
    server().setFault((req, _res, next) => {
      if (!req.path.endsWith('/_bulk_docs') || edited) return next();
      edited = true;
      // The user types while the request is with the server.
      void writeTransaction((ctx) =>
        saveAction(ctx, action.id, { text: 'Draft the plan by Friday' }),
      ).then(next);
    });
    await sync(laptop!);
    expect(edited).toBe(true);
    expect(await laptop!.db.actions.get(action.id)).toMatchObject({ dirty: 1 });
    server().setFault(null);
    await converge(laptop!, desktop!);
    expect((await desktop!.db.actions.get(action.id))?.text).toBe('Draft the plan by Friday');
  });
});

describe('an interrupted sync', () => {
  it('resumes after a push whose answer was lost: nothing doubled, nothing lost', async () => {
    await pair();
    setSyncOptionsForTests({ engine: { batch: 5, attempts: 1, retryPauseMs: 5 } });
    await laptop!.act(async () => {
      const person = await addPerson();
      for (let i = 0; i < 12; i++) await addAction(person.id, null, `item ${i}`);
    });
    let bulkCalls = 0;
    server().setFault((req, res, next) => {
      // The second batch reaches the database, then the line drops before the answer.
      if (req.path.endsWith('/_bulk_docs') && ++bulkCalls === 2) {
        res.end = () => req.socket.destroy();
      }
      next();
    });
    const failed = await sync(laptop!);
    expect(failed.lastError?.kind).toBeDefined();
    expect(failed.pending).toBeGreaterThan(0);
    server().setFault(null);

    await converge(laptop!, desktop!);
    const docs = await server().rawDocs(dbName());
    expect(docs).toHaveLength(13 + 1); // the records and the key ring, each once
    expect(await desktop!.db.actions.count()).toBe(12);
    await expectSame('people', 'actions');
  });

  it('resumes a pull stopped between batches from its checkpoint', async () => {
    await pair();
    await laptop!.act(async () => {
      const person = await addPerson();
      for (let i = 0; i < 14; i++) await addAction(person.id, null, `item ${i}`);
    });
    await converge(laptop!);
    setSyncOptionsForTests({ engine: { batch: 5, attempts: 1, retryPauseMs: 5 } });
    let pulls = 0;
    server().setFault((req, res, next) => {
      if (req.path.endsWith('/_changes') && ++pulls === 3) return req.socket.destroy();
      next();
    });
    expect((await sync(desktop!)).lastError).not.toBeNull();
    const partly = await desktop!.db.actions.count();
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(14);
    server().setFault(null);
    const sinceRequests = server().requests.filter((r) => r.path.includes('_changes')).length;
    await converge(desktop!);
    const resumed = server()
      .requests.filter((r) => r.path.includes('_changes'))
      .slice(sinceRequests);
    // It went on from the stored checkpoint, not from the beginning.
    expect(resumed[0]!.path).not.toMatch(/since=0&/);
    expect(await desktop!.db.actions.count()).toBe(14);
    await expectSame('people', 'actions');
  });
});
