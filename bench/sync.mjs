// `npm run bench` (sync part): end-to-end encrypted sync of the 100-people data set, in real
// Chromium with the built extension, against the in-process CouchDB stand-in on 127.0.0.1:
// - initial sync of a device holding the data set to an empty server, records/s including
//   encryption (target ≥ 2,000 records/s); and the second device's initial pull, for reference;
// - one change round trip between two devices: a note saved on one → pushed → pulled and stored
//   on the other (target ≤ 300 ms on loopback; "Sync now" on both, so no alarm delay).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/harness/browser.mjs';
import { startCouchServer } from '../tests/support/couch-server.mjs';
import { sendFromPage } from '../tests/support/message.mjs';
import { loadDataset } from './dataset.mjs';
import { stats } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PASSPHRASE = 'bench passphrase, long enough';

/** An options page: sync messages are taken from the options page only. */
async function optionsPage(
  /** @type {import('@playwright/test').BrowserContext} */ context,
  /** @type {string} */ extensionId,
) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** Sends a protocol message from the options page (tests/support/message.mjs). */
const call = sendFromPage;

/** Waits until the device's sync run is over; answers its status. @param {import('@playwright/test').Page} page */
async function settled(page) {
  for (;;) {
    const status = /** @type {any} */ (await call(page, 'getSyncStatus'));
    if (!status.running) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const server = await startCouchServer({ users: { taiwa: 'bench-pass' } });
const target = {
  url: server.url,
  db: 'taiwa-bench',
  user: 'taiwa',
  password: 'bench-pass',
  passphrase: PASSPHRASE,
};
const laptop = await loadDataset({});
const profile = mkdtempSync(join(tmpdir(), 'taiwa-bench-sync-'));
/** @type {Awaited<ReturnType<typeof launchWithExtension>> | undefined} */
let desktop;
try {
  // Only the options page stays open: the history page would reload its views on every change.
  await laptop.page.close();
  const a = await optionsPage(laptop.context, laptop.extensionId);
  let t0 = performance.now();
  const connected = /** @type {any} */ (
    await call(a, 'syncConnect', { ...target, mode: 'first', createDatabase: true })
  );
  if (!connected.ok) throw new Error(`connect failed: ${JSON.stringify(connected)}`);
  const records = connected.status.pending;
  const first = await settled(a);
  let seconds = (performance.now() - t0) / 1000;
  if (first.lastError || first.pending)
    throw new Error(`initial sync failed: ${JSON.stringify(first)}`);
  const docs = await server.rawDocs('taiwa-bench');
  const serverTime = (/** @type {RegExp} */ path) =>
    server.requests.filter((r) => path.test(r.path)).reduce((sum, r) => sum + r.ms, 0);
  console.log(
    `  of which the server spent: _bulk_docs ${(serverTime(/_bulk_docs/) / 1000).toFixed(1)} s, _changes ${(serverTime(/_changes/) / 1000).toFixed(1)} s`,
  );
  console.log(
    `Initial sync (connect, key ring, encrypt and push ${records} records in batches of 100): ${seconds.toFixed(1)} s = ${Math.round(records / seconds)} records/s (target ≥ 2,000); server holds ${docs.length} documents`,
  );

  desktop = await launchWithExtension({ userDataDir: profile });
  const b = await optionsPage(desktop.context, desktop.extensionId);
  t0 = performance.now();
  const joined = /** @type {any} */ (await call(b, 'syncConnect', { ...target, mode: 'join' }));
  if (!joined.ok) throw new Error(`join failed: ${JSON.stringify(joined)}`);
  const second = await settled(b);
  seconds = (performance.now() - t0) / 1000;
  if (second.lastError) throw new Error(`pull failed: ${JSON.stringify(second)}`);
  console.log(
    `Second device's initial pull (join, decrypt, merge and store ${records} records): ${seconds.toFixed(1)} s = ${Math.round(records / seconds)} records/s`,
  );

  // Both databases were just rewritten whole (every row's server revision): let them settle, as
  // after the import, before timing single changes.
  const settle = Number(process.env.BENCH_SETTLE_MS ?? 30_000);
  await new Promise((resolve) => setTimeout(resolve, settle));

  // A meeting both devices have, to write notes into.
  const people = /** @type {any[]} */ (await call(a, 'listPeople'));
  const meeting = /** @type {any} */ (
    await call(a, 'createMeeting', { personId: people[0].person.id, title: '1on1 (bench)' })
  );
  const meetingId = meeting.id;
  await call(a, 'syncNow');
  await call(b, 'syncNow');
  /** @type {number[]} */
  const trips = [];
  for (let i = 0; i < RUNS; i++) {
    const text = `round trip ${i} 往復 ${Date.now()}`;
    const start = performance.now();
    await call(a, 'saveNote', { meetingId, kind: 'private', text });
    const t1 = performance.now();
    await call(a, 'syncNow');
    const t2 = performance.now();
    await call(b, 'syncNow');
    const t3 = performance.now();
    const ms = performance.now() - start;
    const view = /** @type {any} */ (await call(b, 'getMeetingView', { meetingId }));
    if (process.env.BENCH_DEBUG)
      console.log(
        `save ${(t1 - start).toFixed(0)} push ${(t2 - t1).toFixed(0)} pull ${(t3 - t2).toFixed(0)} view ${(performance.now() - t3).toFixed(0)}`,
      );
    if (!JSON.stringify(view).includes(text))
      throw new Error(`round trip ${i}: the note did not arrive`);
    trips.push(ms);
  }
  const last = server.requests
    .slice(-12)
    .map((r) => `${r.method} ${r.path.split('?')[0]} ${r.ms.toFixed(0)} ms`);
  console.log(`  last requests: ${last.join('; ')}`);
  console.log(
    `Change round trip (save a note on one device → push → pull → stored on the other): ${stats(trips, { max: true })} (target ≤ 300 ms)`,
  );
} finally {
  await desktop?.context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
  await laptop.close();
  await server.close();
}
