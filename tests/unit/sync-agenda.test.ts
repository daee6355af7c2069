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

async function setUp() {
  await pair();
  const person = await laptop!.act(() => addPerson({ name: 'Aiko', email: 'aiko@example.com' }));
  const meeting = await laptop!.act(() => addMeeting(person.id, { title: '1on1 Aiko' }));
  const goals = topic('Goals', 1);
  const feedback = topic('Feedback', 2);
  await save(laptop!, meeting.id, goals);
  await save(laptop!, meeting.id, feedback);
  await converge(laptop!, desktop!);
  return { meetingId: meeting.id, goals, feedback };
}

describe('agendas sync item by item', () => {
  it('two devices each add a topic offline: both end with both, in the same order', async () => {
    const { meetingId } = await setUp();
    await save(laptop!, meetingId, topic('Hiring', 3));
    await save(desktop!, meetingId, topic('Offsite', 3, { createdAt: 1 }));
    await converge(laptop!, desktop!);
    const expected = ['Goals', 'Feedback', 'Offsite', 'Hiring'];
    expect(await agendaOf(laptop!, meetingId)).toEqual(expected);
    expect(await agendaOf(desktop!, meetingId)).toEqual(expected);
    const [onLaptop, onDesktop] = await Promise.all(
      [laptop!, desktop!].map((d) => d.db.meetings.get(meetingId)),
    );
    expect(onDesktop!.fieldHlc).toEqual(onLaptop!.fieldHlc);
  });

  it('one edits a topic while the other ticks another done: both changes stay', async () => {
    const { meetingId, goals, feedback } = await setUp();
    await save(laptop!, meetingId, { ...goals, text: 'Goals for Q3' });
    await save(desktop!, meetingId, { ...feedback, done: true });
    await converge(laptop!, desktop!);
    for (const device of [laptop!, desktop!]) {
      expect(await agendaOf(device, meetingId)).toEqual(['Goals for Q3', 'Feedback ✓']);
    }
  });

  it('one removes a topic while the other edits another: removed, and edited', async () => {
    const { meetingId, goals, feedback } = await setUp();
    await remove(laptop!, meetingId, goals.id);
    await save(desktop!, meetingId, { ...feedback, text: 'Feedback on the demo' });
    await converge(laptop!, desktop!);
    for (const device of [laptop!, desktop!]) {
      expect(await agendaOf(device, meetingId)).toEqual(['Feedback on the demo']);
      const meeting = await device.db.meetings.get(meetingId);
      expect(meeting!.fieldHlc[agendaItemKey(goals.id)]).toBeDefined();
    }
  });

  it('with a device of the previous version: the agenda written last wins whole, as before', async () => {
    const { meetingId, goals, feedback } = await setUp();
    await save(laptop!, meetingId, { ...goals, text: 'Goals for Q3' });
    await later();
    await saveAsOldDevice(desktop!, meetingId, { ...feedback, done: true });
    expect(wholeAgendaWrite((await desktop!.db.meetings.get(meetingId))!)).toBe(true);
    await converge(laptop!, desktop!);
    for (const device of [laptop!, desktop!]) {
      expect(await agendaOf(device, meetingId)).toEqual(['Goals', 'Feedback ✓']);
    }
    // The next write of this version takes that agenda as it stands, and merges by item again.
    await save(laptop!, meetingId, topic('Hiring', 3));
    await save(desktop!, meetingId, { ...goals, text: 'Goals for Q4' });
    await converge(laptop!, desktop!);
    for (const device of [laptop!, desktop!]) {
      expect(await agendaOf(device, meetingId)).toEqual(['Goals for Q4', 'Feedback ✓', 'Hiring']);
    }
  });
});
