import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveBackupPort } from '@/entrypoints/background/backup-port';
import { getDb } from '@/entrypoints/background/db/database';
import { deleteEverything } from '@/entrypoints/background/db/erase';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { fetchBackup, restoreBackup } from '@/utils/messaging/backup-client';
import { ALL_TOPICS, subscribeToChanges, type ChangeEvent } from '@/utils/messaging/changes';
import { addMeeting, addNote, addPerson, useFreshDb } from './helpers/db';
import { portPair } from './helpers/ports';

useFreshDb();

describe('backup client (what the options page uses)', () => {
  it('downloads a backup and restores it through the background', async () => {
    fakeBrowser.runtime.connect = ((info: { name: string }) => {
      const { page, background } = portPair(info.name);
      serveBackupPort(background);
      return page;
    }) as never;
    const person = await addPerson();
    await addNote((await addMeeting(person.id)).id, '大事なメモ');
    const file = await fetchBackup();
    expect(file.fileName).toMatch(/^taiwa-backup-\d{4}-\d\d-\d\d\.json$/);
    await writeTransaction((ctx) => deleteEverything(ctx));
    const counts = await restoreBackup(file.text, 'merge');
    expect(counts).toMatchObject({ people: 1, notes: 1 });
    expect((await getDb().notes.toArray())[0]!.text).toBe('大事なメモ');
    await expect(restoreBackup('{"format":"nope"}', 'merge')).rejects.toThrow(/not a Taiwa backup/);
  });
});

describe('subscribeToChanges (what every view uses)', () => {
  it('reports changes, reconnects after the service worker restarts, and stops on abort', async () => {
    const backgrounds: ReturnType<typeof portPair>['background'][] = [];
    fakeBrowser.runtime.connect = ((info: { name: string }) => {
      const { page, background } = portPair(info.name);
      backgrounds.push(background);
      return page;
    }) as never;
    vi.useFakeTimers();
    const events: ChangeEvent[] = [];
    const controller = new AbortController();
    subscribeToChanges((e) => events.push(e), controller.signal);
    backgrounds[0]!.postMessage({ tables: ['notes'] });
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual([{ tables: ['notes'] }]);

    backgrounds[0]!.disconnect(); // the service worker went away
    await vi.advanceTimersByTimeAsync(300);
    expect(backgrounds).toHaveLength(2);
    expect(events.at(-1)).toEqual({ tables: [...ALL_TOPICS] });

    controller.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect(backgrounds).toHaveLength(2);
    vi.useRealTimers();
  });
});
