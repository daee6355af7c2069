// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deleteAgendaItem, saveAgendaItem } from '@/entrypoints/background/db/meetings';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { countPending } from '@/entrypoints/background/sync/state';
import { agendaItemKey, wholeAgendaWrite } from '@/utils/domain/agenda-merge';
import type { AgendaItem } from '@/utils/model/entities';
import { addMeeting, addPerson } from './helpers/db';
import { connectDevice, sync, useCouchServer, useDevices, type Device } from './helpers/sync';

const { server, dbName } = useCouchServer();
const [laptop, desktop] = useDevices(2);

async function pair(): Promise<void> {
  await connectDevice(laptop!, server(), dbName(), 'first');
  await connectDevice(desktop!, server(), dbName(), 'join');
}

async function converge(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const device of devices) expect((await sync(device)).lastError).toBeNull();
  }
  for (const device of devices) expect(await countPending(device.db)).toBe(0);
}

function topic(text: string, order: number, fields: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: crypto.randomUUID(),
    text,
    author: 'me',
    category: 'other',
    response: null,
    done: false,
    order,
    originId: null,
    createdAt: 1_700_000_000_000 + order,
    ...fields,
  };
}

const save = (device: Device, meetingId: string, item: AgendaItem) =>
  device.act(() => writeTransaction((ctx) => saveAgendaItem(ctx, meetingId, item)));

const remove = (device: Device, meetingId: string, itemId: string) =>
  device.act(() => writeTransaction((ctx) => deleteAgendaItem(ctx, meetingId, itemId)));

/**
 * An agenda write as the previous version made it: the same write, but only `agenda` and the
 * record's own fields get the new clock; the item clocks stay as they were.
 */
async function saveAsOldDevice(device: Device, meetingId: string, item: AgendaItem) {
  await device.act(() =>
    writeTransaction(async (ctx) => {
      const before = (await ctx.db.meetings.get(meetingId))!;
      const after = await saveAgendaItem(ctx, meetingId, item);
      const row = (await ctx.db.meetings.get(meetingId))!;
      const fieldHlc = { ...before.fieldHlc, agenda: after.fieldHlc.agenda! };
      await ctx.db.meetings.put({ ...row, fieldHlc });
    }),
  );
}

/** Lets the wall clock move on, so the next write's clock is the later one on any device. */
const later = () => new Promise((resolve) => setTimeout(resolve, 5));

async function agendaOf(device: Device, meetingId: string) {
  const meeting = (await device.db.meetings.get(meetingId))!;
  return meeting.agenda.map((i) => `${i.text}${i.done ? ' ✓' : ''}`);
}

/** A meeting both devices hold, with two topics: Goals and Feedback. */
async function sharedMeeting(personId: string) {
  const meeting = await laptop!.act(() => addMeeting(personId, { title: '1on1 Aiko' }));
  const goals = topic('Goals', 1);
  const feedback = topic('Feedback', 2);
  await save(laptop!, meeting.id, goals);
  await save(laptop!, meeting.id, feedback);
  return { meetingId: meeting.id, goals, feedback };
}

async function expectAgenda(meetingId: string, expected: string[]) {
  for (const device of [laptop!, desktop!])
    expect(await agendaOf(device, meetingId)).toEqual(expected);
}

// One pairing for every case (each pairing derives keys twice, at 600,000 PBKDF2 iterations):
// the cases are meetings of their own, edited on both devices between the same syncs.
describe('agendas sync item by item', () => {
  it(
    'concurrent additions, edits, ticks and removals all survive; a previous-version write wins whole',
    { timeout: 30_000 },
    async () => {
      await pair();
      const person = await laptop!.act(() =>
        addPerson({ name: 'Aiko', email: 'aiko@example.com' }),
      );
      const added = await sharedMeeting(person.id);
      const ticked = await sharedMeeting(person.id);
      const removed = await sharedMeeting(person.id);
      const old = await sharedMeeting(person.id);
      await converge(laptop!, desktop!);

      // Two devices each add a topic offline.
      await save(laptop!, added.meetingId, topic('Hiring', 3));
      await save(desktop!, added.meetingId, topic('Offsite', 3, { createdAt: 1 }));
      // One edits a topic while the other ticks another done.
      await save(laptop!, ticked.meetingId, { ...ticked.goals, text: 'Goals for Q3' });
      await save(desktop!, ticked.meetingId, { ...ticked.feedback, done: true });
      // One removes a topic while the other edits another.
      await remove(laptop!, removed.meetingId, removed.goals.id);
      await save(desktop!, removed.meetingId, {
        ...removed.feedback,
        text: 'Feedback on the demo',
      });
      // A device of the previous version writes the agenda after this version's edit.
      await save(laptop!, old.meetingId, { ...old.goals, text: 'Goals for Q3' });
      await later();
      await saveAsOldDevice(desktop!, old.meetingId, { ...old.feedback, done: true });
      expect(wholeAgendaWrite((await desktop!.db.meetings.get(old.meetingId))!)).toBe(true);
      await converge(laptop!, desktop!);

      await expectAgenda(added.meetingId, ['Goals', 'Feedback', 'Offsite', 'Hiring']);
      const [onLaptop, onDesktop] = await Promise.all(
        [laptop!, desktop!].map((d) => d.db.meetings.get(added.meetingId)),
      );
      expect(onDesktop!.fieldHlc).toEqual(onLaptop!.fieldHlc);
      await expectAgenda(ticked.meetingId, ['Goals for Q3', 'Feedback ✓']);
      await expectAgenda(removed.meetingId, ['Feedback on the demo']);
      for (const device of [laptop!, desktop!]) {
        const meeting = await device.db.meetings.get(removed.meetingId);
        expect(meeting!.fieldHlc[agendaItemKey(removed.goals.id)]).toBeDefined();
      }
      // The agenda written last wins whole, as before.
      await expectAgenda(old.meetingId, ['Goals', 'Feedback ✓']);

      // This version's next write takes that agenda as it stands, and merges by item again.
      await save(laptop!, old.meetingId, topic('Hiring', 3));
      await save(desktop!, old.meetingId, { ...old.goals, text: 'Goals for Q4' });
      await converge(laptop!, desktop!);
      await expectAgenda(old.meetingId, ['Goals for Q4', 'Feedback ✓', 'Hiring']);
    },
  );
});
