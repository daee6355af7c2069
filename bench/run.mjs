// `npm run bench`: the data layer on a large store, measured in real Chromium in the extension's
// origin (the built extension, its service worker, its IndexedDB), through the same messages and
// ports the pages use. Prints each figure with what it measured. See docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadDataset } from './dataset.mjs';
import { SEARCH_QUERIES } from './generate.mjs';
import { stats } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const { page, profile, extensionId, close } = await loadDataset();
try {
  const timings = await page.evaluate(async ([runs, queries]) => {
    const w = /** @type {any} */ (window);
    /** @param {() => Promise<unknown>} fn */
    const time = async (fn) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    const people = /** @type {{ person: { id: string } }[]} */ (await w.call('listPeople'));
    const result = {
      overview: /** @type {number[]} */ ([]),
      timeline: /** @type {number[]} */ ([]),
      history: /** @type {number[]} */ ([]),
      search: /** @type {number[]} */ ([]),
      hits: /** @type {number[]} */ ([]),
      byQuery: /** @type {Record<string, number[]>} */ ({}),
    };
    for (let i = 0; i < runs; i++) {
      result.overview.push(await time(() => w.call('listPeople')));
      const person = people[(i * 37) % people.length];
      const personId = person?.person.id;
      result.timeline.push(await time(() => w.call('getPersonTimeline', { personId })));
      // The whole five years, page after page, as a user scrolling to the bottom would load it.
      result.history.push(
        await time(async () => {
          /** @type {number | undefined} */
          let before;
          do {
            const page = await w.call('getPersonTimeline', { personId, before, limit: 50 });
            before = page.nextBefore ?? undefined;
          } while (before !== undefined);
        }),
      );
      const query = queries[i % queries.length] ?? '';
      let hits = 0;
      result.search.push(
        await time(async () => (hits = (await w.call('search', { query })).length)),
      );
      result.hits.push(hits);
      result.byQuery[query] = [...(result.byQuery[query] ?? []), result.search.at(-1) ?? 0];
    }
    return result;
  }, /** @type {const} */ ([RUNS, SEARCH_QUERIES]));
  console.log(
    `People overview (100 people: last/next 1on1, open actions, cadence, condition): ${stats(timings.overview)}`,
  );
  console.log(
    `One person's timeline, first page (20 meetings with notes and actions, open actions, goals): ${stats(timings.timeline)}`,
  );
  console.log(
    `One person's whole five-year timeline (~260 meetings, ~520 notes, ~1,040 actions; pages of 50): ${stats(timings.history)}`,
  );
  console.log(
    `Search over all notes, agendas and actions (ja + en queries, ≤50 hits): ${stats(timings.search)}; hits per query ${Math.min(...timings.hits)}–${Math.max(...timings.hits)}`,
  );

  for (const [query, ms] of Object.entries(timings.byQuery)) {
    console.log(`  search "${query}": ${stats(ms)}`);
  }
  // BENCH_QUICK=1 skips the export/re-import round trip (minutes at full size) when tuning queries.
  if (process.env.BENCH_QUICK) process.exit(0);

  const roundTrip = await page.evaluate(async () => {
    const w = /** @type {any} */ (window);
    const t0 = performance.now();
    const exported = await w.viaPort([{ type: 'export' }], 'exported');
    const t1 = performance.now();
    await w.importText(exported.text);
    const t2 = performance.now();
    const estimate = await navigator.storage.estimate();
    return {
      exportMs: t1 - t0,
      importMs: t2 - t1,
      chars: exported.text.length,
      usage: estimate.usage ?? 0,
    };
  });
  console.log(
    `Full export: ${(roundTrip.exportMs / 1000).toFixed(2)} s (${(roundTrip.chars / 1e6).toFixed(1)}M chars); ` +
      `re-import (replace): ${(roundTrip.importMs / 1000).toFixed(2)} s; together ${((roundTrip.exportMs + roundTrip.importMs) / 1000).toFixed(2)} s`,
  );
  await page.close();
  await page.context().close();
  const idb = join(
    profile,
    'Default',
    'IndexedDB',
    `chrome-extension_${extensionId}_0.indexeddb.leveldb`,
  );
  const onDisk = Number(execFileSync('du', ['-sb', idb]).toString().split('\t')[0]);
  console.log(
    `Database on disk (IndexedDB LevelDB folder, after the re-import): ${(onDisk / 1e6).toFixed(1)} MB; ` +
      `navigator.storage.estimate(): ${(roundTrip.usage / 1e6).toFixed(1)} MB`,
  );
} finally {
  await close();
}
