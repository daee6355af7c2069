import { z } from 'zod';
import type { SyncOffer } from '@/utils/messaging/sync-status';
import type { TaiwaDb } from '../db/database';
import { CouchClient, type CouchOptions, type CouchTarget } from './couch';
import {
  createKeyRing,
  KEYRING_ID,
  PBKDF2_ITERATIONS,
  unlockKeyRing,
  WrongPassphraseError,
  type KeyRingDoc,
} from './crypto';
import { DB_NAME_PATTERN, MIN_PASSPHRASE, parseServerUrl } from '@/utils/sync-url';
import { SyncError } from './errors';
import { deleteServerDocs } from './leave';
import { META, readConfig, resetSyncState } from './state';

export interface SetupRequest extends CouchTarget {
  passphrase: string;
  mode: 'first' | 'join';
  /** The user agreed to create the database (offered when it does not exist). */
  createDatabase?: boolean;
  /** The user agreed to replace Taiwa data already on the server (first device only). */
  replaceServerData?: boolean;
}

/** Setup stops to ask the user: create the database, or replace what is there. */
export class NeedsConsent extends Error {
  constructor(readonly offer: SyncOffer) {
    super(`Setup needs the user's consent: ${offer}`);
  }
}

const welcomeSchema = z.union([
  z.object({ couchdb: z.string() }),
  z.object({ 'express-pouchdb': z.string() }),
]);
const sessionSchema = z.object({
  userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }),
});
const dbInfoSchema = z.object({ doc_count: z.number() });
const keyRingSchema = z.object({
  _id: z.literal(KEYRING_ID),
  _rev: z.string().optional(),
  v: z.literal(1),
  dbId: z.string().min(1).max(100),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    // At least the design's count: a server cannot talk a device into a weaker derivation.
    iterations: z.number().int().min(PBKDF2_ITERATIONS).max(10_000_000),
    salt: z.string().min(1).max(100),
  }),
  keys: z
    .array(
      z.object({ kid: z.string().max(100), data: z.string().max(200), ids: z.string().max(200) }),
    )
    .min(1)
    .max(20),
});

/** The server's address, checked (utils/sync-url.ts), or the reason it cannot be used. */
export function checkServerUrl(text: string): URL {
  const url = parseServerUrl(text);
  if (typeof url === 'string') throw new SyncError(url);
  return url;
}

/**
 * Connects this device to a server, step by step, so each failure says which step failed:
 * the server is CouchDB, the login works, the database exists (created with consent), this user
 * may write to it, and then the key ring: created on a first device (existing data replaced only
 * with consent), unlocked when joining (a wrong passphrase changes nothing).
 */
export async function connect(
  db: TaiwaDb,
  request: SetupRequest,
  options: CouchOptions = {},
  iterations = PBKDF2_ITERATIONS,
): Promise<void> {
  const url = checkServerUrl(request.url);
  if (!DB_NAME_PATTERN.test(request.db)) throw new SyncError('bad-url', undefined, 'database name');
  if (request.mode === 'first' && request.passphrase.length < MIN_PASSPHRASE) {
    throw new SyncError('weak-passphrase');
  }
  const target = { ...request, url: url.href.replace(/\/+$/, '') };
  const client = new CouchClient(target, options);

  const welcome = await client.request('GET', '/');
  if (!welcomeSchema.safeParse(welcome.body).success) throw new SyncError('not-couchdb');
  const session = sessionSchema.safeParse((await client.request('GET', '/_session')).body);
  if (!session.success) throw new SyncError('not-couchdb', undefined, '_session');
  const { name, roles } = session.data.userCtx;
  if (name !== request.user && !roles.includes('_admin')) throw new SyncError('unauthorized', 401);

  const info = await client.request('GET', client.dbPath(), undefined, [404]);
  let docCount = 0;
  if (info.status === 404) {
    if (!request.createDatabase) throw new NeedsConsent('create-database');
    await client.request('PUT', client.dbPath(), undefined, [412]);
  } else {
    docCount = dbInfoSchema.safeParse(info.body).data?.doc_count ?? 0;
  }
  await probeWrite(client);

  const found = await client.request('GET', client.dbPath(`/${KEYRING_ID}`), undefined, [404]);
  const existing = found.status === 404 ? null : keyRingSchema.safeParse(found.body);
  if (existing && !existing.success) throw new SyncError('bad-response', undefined, 'key ring');
  let keys;
  if (request.mode === 'join') {
    if (!existing) throw new SyncError('no-keyring');
    try {
      keys = await unlockKeyRing(existing.data as KeyRingDoc, request.passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new SyncError('wrong-passphrase');
      throw error;
    }
  } else {
    if (existing || docCount > 0) {
      if (!existing) throw new SyncError('not-empty');
      if (!request.replaceServerData) throw new NeedsConsent('replace-server-data');
      await deleteServerDocs(client);
    }
    const ring = await createKeyRing(request.passphrase, iterations);
    await client.request('PUT', client.dbPath(`/${KEYRING_ID}`), ring.doc);
    keys = ring.keys;
  }

  const lastDbId = (await db.meta.get(META.lastDbId))?.value;
  if (lastDbId !== undefined && lastDbId !== keys.dbId) await resetSyncState(db);
  await db.transaction('rw', db.meta, async () => {
    const previous = await readConfig(db);
    if (previous?.dbId !== keys.dbId) await db.meta.bulkDelete([META.since, META.run]);
    await db.meta.bulkPut([
      {
        key: META.config,
        value: { ...target, password: request.password, dbId: keys.dbId, connectedAt: Date.now() },
      },
      { key: META.keys, value: keys },
      { key: META.lastDbId, value: keys.dbId },
    ]);
  });
}

/** This user may write here: a local document (not replicated, not in `_changes`) and back. */
async function probeWrite(client: CouchClient): Promise<void> {
  const path = client.dbPath(`/_local/taiwa-probe-${crypto.randomUUID()}`);
  const { body } = await client.request<{ rev?: string }>('PUT', path, { probe: true });
  if (body.rev)
    await client.request('DELETE', `${path}?rev=${encodeURIComponent(body.rev)}`, undefined, [404]);
}
