import type { SyncSetupResult } from '@/utils/messaging/sync-status';
import { getDb } from '../db/database';
import { failureOf, SyncError } from '../sync/errors';
import { forgetDevice } from '../sync/leave';
import { hasHostAccess, watchNetErrors } from '../sync/net-errors';
import { isSyncRunning, requestSync, startSchedule } from '../sync/runner';
import { checkServerUrl, connect, NeedsConsent } from '../sync/setup';
import { readStatus } from '../sync/state';
import type { Handler } from './serve';

/* Sync settings and runs, from Taiwa's own pages only (which ones: sender-rules.ts). */

export const getSyncStatus: Handler<'getSyncStatus'> = () => readStatus(getDb(), isSyncRunning());

export const syncNow: Handler<'syncNow'> = () => requestSync('now');

export const syncForget: Handler<'syncForget'> = async () => {
  await forgetDevice(getDb());
  return readStatus(getDb(), isSyncRunning());
};

export const syncConnect: Handler<'syncConnect'> = async (request): Promise<SyncSetupResult> => {
  const at = Date.now();
  let watcher: ReturnType<typeof watchNetErrors> | undefined;
  try {
    const origin = checkServerUrl(request.url).origin;
    watcher = watchNetErrors(origin);
    const granted = await hasHostAccess(origin);
    await connect(getDb(), request, { netError: watcher.lookup, granted });
  } catch (error) {
    if (error instanceof NeedsConsent) {
      const kind = error.offer === 'create-database' ? 'no-database' : 'has-data';
      return { ok: false, error: { kind, at }, offer: error.offer };
    }
    if (error instanceof SyncError) return { ok: false, error: failureOf(error, at) };
    throw error;
  } finally {
    watcher?.stop();
  }
  await startSchedule();
  void requestSync('now');
  return { ok: true, status: await readStatus(getDb(), true) };
};
