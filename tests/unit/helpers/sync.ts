import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { setDbForTests, TaiwaDb } from '@/entrypoints/background/db/database';
import {
  requestSync,
  setSyncOptionsForTests,
  whenIdle,
} from '@/entrypoints/background/sync/runner';
import { connect, type SetupRequest } from '@/entrypoints/background/sync/setup';
import { startCouchServer } from '../../support/couch-server.mjs';

export type CouchServer = Awaited<ReturnType<typeof startCouchServer>>;

export const LOGIN = { user: 'taiwa', password: 'secret-pass' };
export const PASSPHRASE = 'correct horse battery staple';

/** One in-process CouchDB stand-in for the file; each test gets its own database name. */
export function useCouchServer(options?: Parameters<typeof startCouchServer>[0]): {
  server: () => CouchServer;
  dbName: () => string;
} {
  let server: CouchServer | undefined;
  let dbName = '';
  beforeAll(async () => {
    server = await startCouchServer(options);
  });
  afterAll(async () => server?.close());
  beforeEach(() => {
    dbName = `taiwa-${crypto.randomUUID().slice(0, 8)}`;
    server?.setFault(null);
    setSyncOptionsForTests({ couch: { timeoutMs: 2_000 }, engine: { retryPauseMs: 5 } });
  });
  afterEach(() => setSyncOptionsForTests({}));
  return { server: () => server!, dbName: () => dbName };
}

/** A device: its own database, made the current one while it acts. */
export interface Device {
  db: TaiwaDb;
  act<T>(fn: () => Promise<T>): Promise<T>;
}

export function useDevices(count: number): Device[] {
  const devices: Device[] = Array.from({ length: count }, () => {
    const device: Device = {
      db: undefined as unknown as TaiwaDb,
      act: async (fn) => {
        setDbForTests(device.db);
        return fn();
      },
    };
    return device;
  });
  beforeEach(() => {
    for (const device of devices) device.db = new TaiwaDb(`taiwa-device-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await whenIdle();
    for (const { db } of devices) {
      db.close();
      await db.delete();
    }
    setDbForTests(undefined);
  });
  return devices;
}

export function setupRequest(server: CouchServer, db: string, fields: Partial<SetupRequest> = {}) {
  return {
    url: server.url,
    db,
    ...LOGIN,
    passphrase: PASSPHRASE,
    mode: 'first' as const,
    createDatabase: true,
    ...fields,
  };
}

/** Connects the device: the first one creates the data set, the others join it. */
export function connectDevice(
  device: Device,
  server: CouchServer,
  db: string,
  mode: 'first' | 'join',
) {
  return device.act(() => connect(device.db, setupRequest(server, db, { mode })));
}

export function sync(device: Device) {
  return device.act(() => requestSync('now'));
}
