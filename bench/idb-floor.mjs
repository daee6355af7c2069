// `npm run bench:idb`: what raw IndexedDB costs in this Chromium, without Taiwa's code: 20,000
// small records written one per row, then the same records packed 100 to a row, and reads of
// keys and records. The floor under every figure of bench/run.mjs (see docs/benchmarks.md).
import { launchWithExtension } from '../tests/harness/browser.mjs';

const { context, extensionId } = await launchWithExtension();
const page = await context.newPage();
await page.goto(`chrome-extension://${extensionId}/notebook.html`);
const result = await page.evaluate(async () => {
  const N = 20_000;
  /** @param {string} name @param {(db: IDBDatabase) => void} setup @returns {Promise<IDBDatabase>} */
  const open = (name, setup) =>
    new Promise((resolve) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => setup(request.result);
      request.onsuccess = () => resolve(request.result);
    });
  /** @param {IDBDatabase} db @param {object[]} rows */
  const putAll = (db, rows) =>
    new Promise((resolve) => {
      const tx = db.transaction('t', 'readwrite');
      for (const row of rows) tx.objectStore('t').put(row);
      tx.oncomplete = resolve;
    });
  const text =
    'Wants to talk about budget and promotion. チームについて相談したいとのこと。'.repeat(3);
  const records = Array.from({ length: N }, (_, i) => ({
    id: `r${i}`,
    personId: `p${i % 100}`,
    text,
  }));
  const rows = await open('floor-rows', (db) =>
    db.createObjectStore('t', { keyPath: 'id' }).createIndex('personId', 'personId'),
  );
  let t0 = performance.now();
  await putAll(rows, records);
  const perRow = performance.now() - t0;
  const chunks = await open('floor-chunks', (db) => db.createObjectStore('t', { keyPath: 'id' }));
  const packed = Array.from({ length: N / 100 }, (_, c) => ({
    id: `c${c}`,
    records: records.slice(c * 100, c * 100 + 100),
  }));
  t0 = performance.now();
  await putAll(chunks, packed);
  const perChunk = performance.now() - t0;
  t0 = performance.now();
  const got = await new Promise((resolve) => {
    const request = rows.transaction('t').objectStore('t').index('personId').getAll('p7');
    request.onsuccess = () => resolve(request.result.length);
  });
  const read = performance.now() - t0;
  return { perRow, perChunk, read, got };
});
console.log(
  `20,000 records, one per row (one index):   ${(result.perRow / 1000).toFixed(2)} s (${((result.perRow / 20_000) * 1000).toFixed(0)} µs each)`,
);
console.log(`the same, 100 records per row:              ${(result.perChunk / 1000).toFixed(2)} s`);
console.log(`read ${result.got} records by index (getAll):      ${result.read.toFixed(1)} ms`);
await context.close();
