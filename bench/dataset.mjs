// The large data set of the data benchmark, generated and imported into a fresh profile with the
// built extension, through the same backup port the options page uses.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/harness/browser.mjs';
import { installPageCall } from '../tests/support/message.mjs';
import { generateBackup } from './generate.mjs';

/**
 * Generates `people` people's five years (see generate.mjs), imports them into a fresh profile and
 * waits `BENCH_SETTLE_MS` (default 30 s) for LevelDB to finish compacting, as a user would meet
 * the database. The page it returns is an extension page with `call(type, data)` (see
 * tests/support/message.mjs), `viaPort(requests, until)` and `importText(text)` defined.
 * `BENCH_PROFILE=<dir>` keeps the profile in that folder and, when it holds one already, skips
 * the import (minutes) when tuning.
 * @param {{ now?: number, ahead?: number }} [options]
 */
export async function loadDataset({ now, ahead } = {}) {
  const kept = process.env.BENCH_PROFILE;
  if (kept && existsSync(join(kept, 'Default'))) {
    const { context, extensionId } = await launchWithExtension({ userDataDir: kept });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/notebook.html`);
    await installPageCall(page);
    await page.evaluate(definePageHelpers);
    console.log(`Data set: the one already in ${kept}`);
    return { context, extensionId, page, profile: kept, close: () => context.close() };
  }
  const started = Date.now();
  const backup = generateBackup({ people: Number(process.env.BENCH_PEOPLE ?? 100), now, ahead });
  const body = Buffer.from(JSON.stringify(backup));
  const counts = Object.entries(backup.data)
    .map(([t, rows]) => `${rows.length} ${t}`)
    .join(', ');
  console.log(
    `Data set: ${counts}; backup file ${(body.length / 1e6).toFixed(1)} MB (generated in ${Date.now() - started} ms)`,
  );

  // The file is served from this machine (a route through the browser protocol cannot carry 80 MB).
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const url = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/backup.json`;

  const profile = kept ?? mkdtempSync(join(tmpdir(), 'taiwa-bench-'));
  const { context, extensionId } = await launchWithExtension({ userDataDir: profile });
  const close = async () => {
    await context.close().catch(() => {});
    if (!kept) rmSync(profile, { recursive: true, force: true });
    server.close();
  };
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/notebook.html`);
    await installPageCall(page);
    await page.evaluate(definePageHelpers);
    const ms = await page.evaluate(async (url) => {
      const text = await (await fetch(url)).text();
      const t0 = performance.now();
      await /** @type {any} */ (window).importText(text);
      return performance.now() - t0;
    }, url);
    console.log(`Initial import into an empty database: ${(ms / 1000).toFixed(2)} s`);
    const settle = Number(process.env.BENCH_SETTLE_MS ?? 30_000);
    await new Promise((resolve) => setTimeout(resolve, settle));
    console.log(`(waited ${settle / 1000} s for the database to settle)`);
    return { context, extensionId, page, profile, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** In an extension page: the backup port's wire format (utils/messaging/backup-port.ts). */
function definePageHelpers() {
  const w = /** @type {any} */ (window);
  w.viaPort = (/** @type {any[]} */ requests, /** @type {string} */ until) =>
    new Promise((resolve, reject) => {
      const port = chrome.runtime.connect({ name: 'taiwa:backup' });
      /** @type {string[]} */
      const chunks = [];
      port.onMessage.addListener((/** @type {any} */ m) => {
        if (m.type === 'error') reject(new Error(m.message));
        if (m.type === 'chunk') chunks.push(m.text);
        if (m.type === until) {
          port.disconnect();
          resolve({ ...m, text: chunks.join('') });
        }
      });
      for (const r of requests) port.postMessage(r);
    });
  w.importText = (/** @type {string} */ text) => {
    const requests = [];
    for (let at = 0; at < text.length; at += 4_000_000) {
      requests.push({ type: 'import-chunk', text: text.slice(at, at + 4_000_000) });
    }
    requests.push({ type: 'import-commit', mode: 'replace' });
    return w.viaPort(requests, 'imported');
  };
}
