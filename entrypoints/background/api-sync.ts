import type { Browser } from 'wxt/browser';
import type { SyncSetupResult } from '@/utils/messaging/sync-status';
import { getDb } from './db/database';
import { FROM_PAGES, handle } from './handle';
import { failureOf, SyncError } from './sync/errors';
import { forgetDevice } from './sync/leave';
import { hasHostAccess, watchNetErrors } from './sync/net-errors';
import { isSyncRunning, requestSync, startSchedule } from './sync/runner';
import { checkServerUrl, connect, NeedsConsent } from './sync/setup';
import { readStatus } from './sync/state';

/**
 * Which of Taiwa's pages may touch sync: the status and "Sync now" appear in the toolbar popup,
 * the options page and the history; setup and "forget" only in the options page. The panel and
 * sidebar frames, though extension pages, live inside Google's tabs and have no business here.
 */
const STATUS_PAGES = ['/options.html', '/popup.html', '/notebook.html'];
const SETUP_PAGES = ['/options.html'];

function assertPage(sender: Browser.runtime.MessageSender, pages: string[]): void {
  const path = sender.url ? new URL(sender.url).pathname : '';
  if (!pages.includes(path))
    throw new Error(`Refused: sync is not handled from ${path || 'here'}.`);
}

/** Setup, "forget" and deleting the server's copy: from the options page only. */
export function assertSetupPage(sender: Browser.runtime.MessageSender): void {
  assertPage(sender, SETUP_PAGES);
}

/** Sync settings and runs: from Taiwa's own pages only (DESIGN.md rule 4). */
export function setupSyncApi(): void {
  handle('getSyncStatus', FROM_PAGES, (_, sender) => {
    assertPage(sender, STATUS_PAGES);
    return readStatus(getDb(), isSyncRunning());
  });
  handle('syncNow', FROM_PAGES, (_, sender) => {
    assertPage(sender, STATUS_PAGES);
    return requestSync('now');
  });
  handle('syncForget', FROM_PAGES, async (_, sender) => {
    assertSetupPage(sender);
    await forgetDevice(getDb());
    return readStatus(getDb(), isSyncRunning());
  });
  handle('syncConnect', FROM_PAGES, async (request, sender): Promise<SyncSetupResult> => {
    assertSetupPage(sender);
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
  });
}
