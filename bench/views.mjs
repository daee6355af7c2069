// `npm run bench` (views part): the popup and the notebook on the 100-people data set, in real
// Chromium, each timed by the page's own performance marks (set by the pages, sent nowhere):
// - popup opened → its last view painted from session storage (before React has started), and
//   → its fresh data on screen (target ≤ 150 ms p95); the browser's first contentful paint too;
// - a person's history (~260 meetings: first page, charts of every held 1on1, open actions)
//   opened → its head (name, open actions, goals) on screen, and → all of it on screen (target
//   ≤ 200 ms p95);
// - search as you type: a keystroke → its results on screen (target ≤ 50 ms p95 per keystroke).
import { loadDataset } from './dataset.mjs';
import { SEARCH_QUERIES } from './generate.mjs';
import { stats } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

/**
 * When the page set `name` (with `detail`, if given), in ms from its navigation start.
 * @param {import('@playwright/test').Page} page @param {string} name @param {unknown} [detail]
 */
const markTime = (page, name, detail) =>
  page.evaluate(
    ([name, detail]) =>
      /** @type {Promise<number>} */ (
        new Promise((resolve) => {
          const check = () => {
            const mark = performance
              .getEntriesByName(name)
              .find((m) => detail === null || /** @type {PerformanceMark} */ (m).detail === detail);
            if (mark) resolve(mark.startTime);
            else setTimeout(check, 2);
          };
          check();
        })
      ),
    /** @type {const} */ ([name, detail ?? null]),
  );

/**
 * When the page set `name`, if it did by the time it showed what `markTime` waited for (a mark
 * that may never come, such as the popup's last view on a first open), else null.
 * @param {import('@playwright/test').Page} page @param {string} name
 */
const markTimeIfSet = (page, name) =>
  page.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? null, name);

/** The browser's first contentful paint, in ms from navigation start (null if none yet). */
const firstPaint = (/** @type {import('@playwright/test').Page} */ page) =>
  page.evaluate(
    () =>
      performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')
        ?.startTime ?? null,
  );

/** @param {(number | null)[]} values */
const shownIn = (values) => {
  const kept = /** @type {number[]} */ (values.filter((v) => v !== null));
  return kept.length ? stats(kept) : 'never';
};

// Upcoming 1on1s exist only if the data set's "now" is now.
const { context, extensionId, page, close } = await loadDataset({ now: Date.now(), ahead: 2 });
const url = (/** @type {string} */ path) => `chrome-extension://${extensionId}/${path}`;
try {
  const people = /** @type {{ person: { id: string } }[]} */ (
    await page.evaluate(() => /** @type {any} */ (window).call('listPeople'))
  );

  // 1. The popup, opened afresh each time (as the toolbar button does), at its own size.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  const popupMs = [];
  /** @type {(number | null)[]} */
  const snapshotMs = [];
  /** @type {(number | null)[]} */
  const popupPaintMs = [];
  let shown = { upcoming: 0, attention: 0, mine: 0 };
  for (let i = 0; i < RUNS + 3; i++) {
    await popup.goto(url('popup.html'));
    const ms = await markTime(popup, 'taiwa:popup-ready');
    // The first opens warm up the service worker and the disk cache (and keep a last view).
    if (i >= 3) {
      popupMs.push(ms);
      snapshotMs.push(await markTimeIfSet(popup, 'taiwa:popup-snapshot'));
      popupPaintMs.push(await firstPaint(popup));
    }
    shown = await popup.evaluate(() => ({
      upcoming: document.querySelectorAll('[data-testid="upcoming-row"]').length,
      attention: document.querySelectorAll('[data-testid="attention-row"]').length,
      mine: document.querySelectorAll('[data-testid="my-actions"] [data-testid="action-item"]')
        .length,
    }));
  }
  console.log(
    `Popup opened → last view painted: ${shownIn(snapshotMs)}, painted in ${snapshotMs.filter((v) => v !== null).length} of ${snapshotMs.length} opens`,
  );
  console.log(`Popup opened → first contentful paint: ${shownIn(popupPaintMs)}`);
  console.log(
    `Popup opened → fresh data on screen (${shown.upcoming} upcoming, ${shown.attention} needing attention, ${shown.mine} of my open actions shown): ${stats(popupMs)} (target ≤ 150 ms p95)`,
  );

  // 2. A person's history page, opened afresh, a different person each time.
  const notebook = await context.newPage();
  await notebook.setViewportSize({ width: 1200, height: 900 });
  const personMs = [];
  /** @type {(number | null)[]} */
  const headMs = [];
  let counts = { meetings: 0, points: 0, open: 0 };
  for (let i = 0; i < RUNS + 3; i++) {
    const personId = people[(i * 37) % people.length]?.person.id ?? '';
    // A fresh page load each time (a change of the fragment alone would not reload the page).
    await notebook.goto('about:blank');
    await notebook.goto(url(`notebook.html#person=${personId}`));
    const ms = await markTime(notebook, 'taiwa:person-ready', personId);
    if (i >= 3) {
      personMs.push(ms);
      headMs.push(await markTimeIfSet(notebook, 'taiwa:person-head'));
    }
    counts = await notebook.evaluate(() => ({
      meetings: document.querySelectorAll('[data-testid="timeline-meeting"]').length,
      points: Number(
        document.querySelector('[data-testid="chart-condition"]')?.getAttribute('data-points'),
      ),
      open: document.querySelectorAll('[data-testid="open-actions"] [data-testid="action-item"]')
        .length,
    }));
  }
  console.log(`A person's history opened → head on screen: ${shownIn(headMs)}`);
  console.log(
    `A person's history opened → all on screen (${counts.meetings} meetings listed, ${counts.points} chart points, ${counts.open} open actions): ${stats(personMs)} (target ≤ 200 ms p95)`,
  );

  // 3. Search as you type in the popup: each keystroke to its results on screen.
  await popup.goto(url('popup.html'));
  await markTime(popup, 'taiwa:popup-ready');
  await popup.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.typed = /** @type {Record<string, number>} */ ({});
    document
      .querySelector('[data-testid="search-input"]')
      ?.addEventListener(
        'input',
        (e) => (w.typed[/** @type {HTMLInputElement} */ (e.target).value] = performance.now()),
        { capture: true },
      );
  });
  const keystrokeMs = [];
  let skipped = 0;
  const queries = SEARCH_QUERIES;
  for (let round = 0; keystrokeMs.length < RUNS * 4; round++) {
    const query = queries[round % queries.length] ?? '';
    await popup.getByTestId('search-input').fill('');
    for (const char of query) {
      await popup.keyboard.type(char);
      const value = await popup.getByTestId('search-input').inputValue();
      // As the search box does (utils/domain/tokenize.ts, worthSearching): no search while the
      // last term is a lone kana or Latin letter; the shown results stay.
      const last = value.normalize('NFKC').toLowerCase().trim().split(/\s+/).at(-1) ?? '';
      if (!last || /^([\p{Script=Hiragana}\p{Script=Katakana}ー]|[a-z])$/u.test(last)) {
        skipped++;
        continue;
      }
      const done = await markTime(popup, 'taiwa:search-results', value);
      const typed = await popup.evaluate((v) => /** @type {any} */ (window).typed[v], value);
      keystrokeMs.push(done - typed);
    }
  }
  console.log(
    `Search as you type (${queries.join(', ')}; each keystroke → results on screen): ${stats(keystrokeMs, { max: true })} (target ≤ 50 ms p95); ${skipped} keystrokes left a lone kana or letter last and searched nothing`,
  );
} finally {
  await close();
}
