import { personToMarkdown } from '@/utils/export/markdown';
import { actionsToCsv } from '@/utils/export/csv';
import type { DeleteAllResult } from '@/utils/messaging/sync-status';
import { exportPerson } from '../db/backup';
import { getDb } from '../db/database';
import { stripDerived } from '../db/derive';
import { deleteEverything, deletePerson as deletePersonDb } from '../db/erase';
import { personHistory } from '../db/queries';
import { writeTransaction } from '../db/write';
import { clearPopupSnapshot } from '../popup-snapshot';
import { assertSender } from '../sender-guard';
import { failureOf, SyncError } from '../sync/errors';
import { deleteServerCopy } from '../sync/leave';
import { SYNC_SETUP_PAGE } from './sender-rules';
import type { Handler } from './serve';

/* Deletion and the per-person exports. Backup and restore stream over a port (backup-port.ts). */

/** A file name safe on every OS, from a person's name or address. */
function fileSafe(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'person';
}

const today = () => new Date().toISOString().slice(0, 10);

/** The popup's last view may name them: it goes too. */
export const deletePerson: Handler<'deletePerson'> = async ({ personId }) => {
  await writeTransaction((ctx) => deletePersonDb(ctx, personId));
  await clearPopupSnapshot();
};

/**
 * With `serverCopy` (the options page only, as for the rest of sync setup): the sync server's
 * copy first; if that fails, nothing here is deleted, so the user can try again, or choose to
 * delete only here.
 */
export const deleteAll: Handler<'deleteAll'> = async (
  { serverCopy },
  sender,
): Promise<DeleteAllResult> => {
  if (serverCopy) {
    assertSender(sender, SYNC_SETUP_PAGE);
    try {
      await deleteServerCopy(getDb());
    } catch (error) {
      if (error instanceof SyncError) return { ok: false, error: failureOf(error) };
      throw error;
    }
  }
  await writeTransaction((ctx) => deleteEverything(ctx));
  await clearPopupSnapshot();
  return { ok: true };
};

export const exportPersonMarkdown: Handler<'exportPersonMarkdown'> = async ({
  personId,
  includePrivate,
  lang,
}) => {
  const timeline = await personHistory(getDb(), personId);
  const text = personToMarkdown(timeline, { includePrivate, lang, now: Date.now() });
  const name = fileSafe(timeline.person.name || timeline.person.email);
  return { fileName: `taiwa-${name}-${today()}.md`, text };
};

export const exportPersonJson: Handler<'exportPersonJson'> = async ({ personId }) => {
  const backup = await exportPerson(getDb(), personId);
  const name = fileSafe(backup.data.people[0]?.name || backup.data.people[0]?.email || '');
  return { fileName: `taiwa-${name}-${today()}.json`, text: JSON.stringify(backup, null, 2) };
};

export const exportActionsCsv: Handler<'exportActionsCsv'> = async ({ personId }) => {
  const db = getDb();
  const [actions, people, meetings] = await db.transaction(
    'r',
    [db.actions, db.people, db.meetings],
    () =>
      Promise.all([
        personId ? db.actions.where('personId').equals(personId).toArray() : db.actions.toArray(),
        db.people.toArray(),
        db.meetings.toArray(),
      ]),
  );
  const text = actionsToCsv(
    actions.filter((a) => !a.deleted).map((a) => stripDerived<'actions'>(a)),
    new Map(people.map((p) => [p.id, stripDerived<'people'>(p)])),
    new Map(meetings.map((m) => [m.id, stripDerived<'meetings'>(m)])),
  );
  return { fileName: `taiwa-actions-${today()}.csv`, text };
};
