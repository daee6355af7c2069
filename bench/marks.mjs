// Reading the panels' own performance marks (set by the pages, sent nowhere) from a benchmark.

/**
 * When the page in `host`'s iframe set the mark `name` with `detail` (wall clock, comparable with
 * the Google page's through `performance.timeOrigin`); waits for it.
 * @param {import('@playwright/test').Page} page @param {string} host @param {string} name
 * @param {string} detail @returns {Promise<number>}
 */
export async function markAt(page, host, name, detail) {
  const handle = await page.waitForSelector(`[data-taiwa="${host}"] iframe`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no ${host} frame`);
  return frame.evaluate(
    ([name, detail]) =>
      /** @type {Promise<number>} */ (
        new Promise((resolve) => {
          const check = () => {
            const mark = performance
              .getEntriesByName(name)
              .find((m) => /** @type {PerformanceMark} */ (m).detail === detail);
            if (mark) resolve(performance.timeOrigin + mark.startTime);
            else setTimeout(check, 5);
          };
          check();
        })
      ),
    /** @type {const} */ ([name, detail]),
  );
}
