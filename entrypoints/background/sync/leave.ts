import { browser } from 'wxt/browser';
import { z } from 'zod';
import { hostPattern } from '@/utils/sync-url';
import { notifyChanged } from '../changes';
import type { TaiwaDb } from '../db/database';
import { bulkSchema, CouchClient, parse } from './couch';
import { KEYRING_ID } from './crypto';
import { assertDataSet } from './engine';
import { SyncError } from './errors';
import { hasHostAccess, watchNetErrors } from './net-errors';
import { stopSchedule, withRunsHeld } from './runner';
import { forgetSync, readConfig } from './state';

/** Documents listed and deleted per request. */
const PAGE = 100;
/** Pages at most (500,000 documents, far more than any Taiwa data set): no server keeps it going. */
const MAX_PAGES = 5_000;

const listedSchema = z.object({ id: z.string(), value: z.object({ rev: z.string() }) });
const allDocsSchema = z.object({ rows: z.array(listedSchema) });
type Listed = z.infer<typeof listedSchema>;

/** A document Taiwa writes: the key ring, or a record (`r` and a keyed hash, crypto.ts). */
export function isTaiwaDoc(id: string): boolean {
  return id === KEYRING_ID || /^r[\w-]{22}$/.test(id);
}

/**
 * Deletes every Taiwa document in the server's database (other documents stay), the key ring
 * last: stopped halfway, the data set is still there to be deleted again. Pages through the
 * documents by id, each page's deletions checked one by one; a server that refuses one, lists a
 * document twice or never ends stops it with an error in words: it never loops.
 */
export async function deleteServerDocs(client: CouchClient): Promise<void> {
  const listed = new Set<string>();
  let after: string | undefined;
  let keyRing: Listed | undefined;
  for (let page = 0; ; page++) {
    if (page === MAX_PAGES) throw new SyncError('delete-refused', undefined, 'too many pages');
    const from =
      after === undefined ? '' : `&startkey=${encodeURIComponent(JSON.stringify(after))}`;
    const { body } = await client.request('GET', client.dbPath(`/_all_docs?limit=${PAGE}${from}`));
    // The page starts at the last one listed, unless that one is gone now.
    const rows = parse(allDocsSchema, body, '_all_docs').rows.filter((row) => row.id !== after);
    if (!rows.length) break;
    if (rows.some((row) => listed.has(row.id))) {
      throw new SyncError('delete-refused', undefined, 'listed again');
    }
    rows.forEach((row) => listed.add(row.id));
    keyRing ??= rows.find((row) => row.id === KEYRING_ID);
    await deleteDocs(
      client,
      rows.filter((row) => isTaiwaDoc(row.id) && row.id !== KEYRING_ID),
    );
    after = rows.at(-1)?.id;
  }
  if (keyRing) await deleteDocs(client, [keyRing]);
}

/** One `_bulk_docs` of deletions, every document's result checked. */
async function deleteDocs(client: CouchClient, docs: Listed[]) {
  if (!docs.length) return;
  const { body } = await client.request('POST', client.dbPath('/_bulk_docs'), {
    docs: docs.map(({ id, value }) => ({ _id: id, _rev: value.rev, _deleted: true })),
  });
  const results = new Map(parse(bulkSchema, body, '_bulk_docs').map((r) => [r.id, r]));
  const refused = docs.find(({ id }) => !results.get(id)?.rev || results.get(id)?.error);
  if (refused) {
    throw new SyncError('delete-refused', undefined, results.get(refused.id)?.error ?? 'no answer');
  }
}

/**
 * "Forget this device": sync stops, the login and the keys go (the notes stay), and the host
 * access the browser granted for the server is given back, since nothing else in Taiwa uses it.
 */
export async function forgetDevice(db: TaiwaDb): Promise<void> {
  const config = await readConfig(db);
  await stopSchedule();
  await forgetSync(db);
  notifyChanged(['sync']);
  if (!config) return;
  try {
    await browser.permissions.remove({ origins: [hostPattern(config.url)] });
  } catch {
    // Reached by CORS, never granted: there is nothing to give back.
  }
}

/**
 * Deletes this data set from the server ("Delete all data" with the server copy), with no sync
 * run going meanwhile, then forgets this device. A server holding another data set (replaced
 * since) is left alone. A {@link SyncError} says why it could not; then sync stays on.
 */
export async function deleteServerCopy(db: TaiwaDb): Promise<void> {
  const config = await readConfig(db);
  if (!config) throw new SyncError('not-set-up');
  const origin = new URL(config.url).origin;
  const watcher = watchNetErrors(origin);
  try {
    await withRunsHeld(async () => {
      const granted = await hasHostAccess(origin);
      const client = new CouchClient(config, { netError: watcher.lookup, granted });
      const ring = await client.request('GET', client.dbPath(`/${KEYRING_ID}`), undefined, [404]);
      // No key ring: an earlier deletion got to its last step; what is left is this one's.
      if (ring.status !== 404) assertDataSet(ring, config.dbId);
      await deleteServerDocs(client);
    });
  } finally {
    watcher.stop();
  }
  await forgetDevice(db);
}
