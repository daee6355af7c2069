// A backup in Firefox: saved through the options page as a real download, everything deleted,
// then the file restored through the options page's file field.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { callBackground, launchFirefox, openExtensionPage, textOf, until } from './harness.mjs';
import { seedHistory } from './seed.mjs';

/** @type {import('./harness.mjs').Firefox} */
let firefox;
/** @type {import('puppeteer-core').Page} */
let page;
/** @type {string} */
let downloads;

before(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'taiwa-ff-downloads-'));
  firefox = await launchFirefox({
    prefs: {
      // Downloads go straight to this folder, without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json',
    },
  });
  page = await firefox.newPage();
  await openExtensionPage(page, firefox.extensionUrl('options.html'));
  await seedHistory(page);
});
after(async () => {
  await firefox?.close();
  await rm(downloads, { recursive: true, force: true });
});

/** The backup-outcome state and text of the options page. */
const outcome = () =>
  page.evaluate(() => {
    const box = document.querySelector('[data-testid="backup-outcome"]');
    return { state: box?.getAttribute('data-state'), text: box?.textContent ?? '' };
  });

test('a backup is exported, everything deleted, and the backup restored', async () => {
  await openExtensionPage(
    page,
    firefox.extensionUrl('options.html'),
    '[data-testid="export-json"]',
  );
  await page.click('[data-testid="export-json"]');
  const saved = await until('the backup file to be downloaded', async () => {
    const files = await readdir(downloads);
    // Firefox writes `<name>.part` first and renames it when the download completes.
    const file = files.find((name) => /^taiwa-backup-.*\.json$/.test(name));
    return file && !files.some((name) => name.endsWith('.part')) ? join(downloads, file) : null;
  });
  const backup = JSON.parse(await readFile(saved, 'utf8'));
  assert.equal(backup.format, 'taiwa-backup');
  assert.equal((await outcome()).state, 'done');

  // Everything deleted.
  await page.click('[data-testid="delete-all-sure"]');
  await page.click('[data-testid="delete-all"]');
  await until('all data to be deleted', async () => {
    const people = await callBackground(page, 'listPeople');
    return people.length === 0;
  });
  assert.deepEqual(await callBackground(page, 'search', { query: 'fridays' }), []);

  // Restored from the downloaded file, through the file field.
  await openExtensionPage(
    page,
    firefox.extensionUrl('options.html'),
    '[data-testid="import-file"]',
  );
  const field = await page.$('[data-testid="import-file"]');
  assert.ok(field);
  await /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (field).uploadFile(
    saved,
  );
  await until('the file to be chosen', () =>
    page.evaluate(
      () =>
        !(
          /** @type {HTMLButtonElement} */ (document.querySelector('[data-testid="restore"]'))
            .disabled
        ),
    ),
  );
  await page.click('[data-testid="restore"]');
  const restored = await until('the restore to finish', async () => {
    const now = await outcome();
    return now.state === 'done' || now.state === 'error' ? now : null;
  });
  assert.equal(restored.state, 'done', restored.text);
  const people = await callBackground(page, 'listPeople');
  assert.deepEqual(people.map((p) => p.person.name).sort(), ['Aiko Tanaka', 'Ben Ito']);
  const hits = await callBackground(page, 'search', { query: 'fridays' });
  assert.match(hits.map((hit) => hit.excerpt).join(' '), /protect Fridays/);

  // And the notebook shows her again.
  await openExtensionPage(
    page,
    firefox.extensionUrl('notebook.html'),
    '[data-testid="person-row"]',
  );
  assert.match((await textOf(page, '[data-testid="people-list"]')) ?? '', /Aiko Tanaka/);
});
