import { describe, expect, it } from 'vitest';
import { serveBackupPort } from '@/entrypoints/background/backup-port';
import { getDb } from '@/entrypoints/background/db/database';
import { deleteEverything } from '@/entrypoints/background/db/erase';
import { writeTransaction } from '@/entrypoints/background/db/write';
import type { BackupReply, BackupRequest } from '@/utils/messaging/backup-port';
import { addMeeting, addNote, addPerson, snapshot, useFreshDb } from './helpers/db';

useFreshDb();

/** A port pair in one process: what the page sends, the background's handler receives. */
const CHUNK = 1000;

function connect() {
  const listeners: ((message: unknown) => void)[] = [];
  const replies: BackupReply[] = [];
  let waiting: (() => void) | undefined;
  serveBackupPort(
    {
      postMessage: (message: BackupReply) => {
        replies.push(message);
        waiting?.();
      },
      onMessage: { addListener: (fn: (m: unknown) => void) => listeners.push(fn) } as never,
    } as never,
    CHUNK,
  );
  return {
    send: (request: BackupRequest | unknown) => listeners.forEach((fn) => fn(request)),
    until: async (type: BackupReply['type'] | 'error') => {
      while (!replies.some((r) => r.type === type || r.type === 'error')) {
        await new Promise<void>((resolve) => (waiting = resolve));
      }
      return replies;
    },
  };
}

describe('backup over a port', () => {
  it('exports in chunks and imports them back', async () => {
    const person = await addPerson();
    const meeting = await addMeeting(person.id);
    await addNote(meeting.id, 'x'.repeat(2500));
    const exporter = connect();
    exporter.send({ type: 'export' });
    const replies = await exporter.until('exported');
    const chunks = replies.filter((r) => r.type === 'chunk');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.text.length <= CHUNK)).toBe(true);
    const text = chunks.map((c) => c.text).join('');

    await writeTransaction((ctx) => deleteEverything(ctx));
    const importer = connect();
    for (let at = 0; at < text.length; at += CHUNK) {
      importer.send({ type: 'import-chunk', text: text.slice(at, at + CHUNK) });
    }
    importer.send({ type: 'import-commit', mode: 'replace' });
    const done = (await importer.until('imported')).at(-1);
    expect(done).toMatchObject({ type: 'imported', counts: { people: 1, notes: 1 } });
    expect((await getDb().notes.toArray())[0]!.text.length).toBe(2500);
  });

  it('reports a bad file or request as an error and changes nothing', async () => {
    await addPerson();
    const before = await snapshot();
    const port = connect();
    port.send({ type: 'import-chunk', text: '{"format":"taiwa-backup","version":1' });
    port.send({ type: 'import-commit', mode: 'replace' });
    const [reply] = await port.until('imported');
    expect(reply).toMatchObject({ type: 'error' });
    expect((reply as { message: string }).message).toMatch(/not valid JSON/);
    const bad = connect();
    bad.send({ type: 'drop-tables' });
    expect((await bad.until('imported'))[0]).toEqual({
      type: 'error',
      message: 'Invalid backup request.',
    });
    expect(await snapshot()).toEqual(before);
  });
});
