// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { updatePerson } from '@/entrypoints/background/db/people';
import { addTopics, recordShare } from '@/entrypoints/background/db/share';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { countPending } from '@/entrypoints/background/sync/state';
import { addMeeting, addPerson } from './helpers/db';
import { connectDevice, sync, useCouchServer, useDevices, type Device } from './helpers/sync';

const { server, dbName } = useCouchServer();
const [laptop, desktop] = useDevices(2);

async function converge(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const device of devices) expect((await sync(device)).lastError).toBeNull();
  }
  for (const device of devices) expect(await countPending(device.db)).toBe(0);
}

describe('sharing fields sync', () => {
  it('the language, the channel, pasted topics and when a recap was sent reach the other device; edits of both sides merge', async () => {
    await connectDevice(laptop!, server(), dbName(), 'first');
    await connectDevice(desktop!, server(), dbName(), 'join');
    const person = await laptop!.act(() => addPerson({ name: 'Aiko', email: 'aiko@example.com' }));
    const meeting = await laptop!.act(() => addMeeting(person.id, { title: '1on1 Aiko' }));
    await converge(laptop!, desktop!);

    // Each device writes other fields of the same records between two runs.
    await laptop!.act(() =>
      writeTransaction((ctx) => updatePerson(ctx, person.id, { language: 'ja' })),
    );
    await desktop!.act(() =>
      writeTransaction((ctx) => updatePerson(ctx, person.id, { shareVia: 'chat' })),
    );
    await laptop!.act(() =>
      writeTransaction((ctx) =>
        addTopics(ctx, meeting.id, [{ text: 'キャリアの相談', response: 'advice' }]),
      ),
    );
    await desktop!.act(() => writeTransaction((ctx) => recordShare(ctx, meeting.id, 'recap')));
    await converge(laptop!, desktop!);

    for (const device of [laptop!, desktop!]) {
      expect(await device.db.people.get(person.id)).toMatchObject({
        language: 'ja',
        shareVia: 'chat',
      });
      const stored = (await device.db.meetings.get(meeting.id))!;
      expect(stored.recapSentAt).toEqual(expect.any(Number));
      expect(stored.agenda.map((i) => [i.text, i.author, i.response])).toEqual([
        ['キャリアの相談', 'them', 'advice'],
      ]);
    }
  });
});
