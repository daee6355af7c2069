// Sync in Firefox, with the in-process CouchDB stand-in: set up in the options page on one
// profile (the server allows the extension by CORS), joined on a second profile through the
// browser's permission for that one origin (a server without CORS, as CouchDB is by default),
// a note carried across, and an edit carried back.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startCouchServer } from '../support/couch-server.mjs';
import { callBackground, launchFirefox, openExtensionPage, textOf, until } from './harness.mjs';

const PASSPHRASE = 'correct horse battery staple';
const NOTE = '来期は登壇に挑戦したい。Wants a mentor.';
const EDITED = `${NOTE} 田中さんを紹介する。`;

/** @type {Awaited<ReturnType<typeof startCouchServer>>} */
let server;
/** @type {import('./harness.mjs').Firefox} */
let laptop;
/** @type {import('./harness.mjs').Firefox | undefined} */
let desktop;
/** @type {import('puppeteer-core').Page} */
let laptopPage;
const db = `taiwa-ff-${Date.now()}`;
/** @type {string} */
let meetingId;

before(async () => {
  server = await startCouchServer({ users: { taiwa: 'secret-pass' } });
  laptop = await launchFirefox();
  laptopPage = await laptop.newPage();
});
after(async () => {
  await desktop?.close();
  await laptop?.close();
  await server?.close();
});

/**
 * Fills the sync setup of the options page and clicks Connect.
 * @param {import('puppeteer-core').Page} page
 * @param {string} optionsUrl
 * @param {'first' | 'join'} mode
 */
async function connectFromOptions(page, optionsUrl, mode) {
  await openExtensionPage(page, optionsUrl, '[data-testid="sync-url"]');
  const fill = (/** @type {string} */ id, /** @type {string} */ value) =>
    page.locator(`[data-testid="${id}"]`).fill(value);
  await fill('sync-url', server.url);
  await fill('sync-db', db);
  await fill('sync-user', 'taiwa');
  await fill('sync-password', 'secret-pass');
  await page.click(`[data-testid="sync-mode-${mode}"]`);
  await fill('sync-passphrase', PASSPHRASE);
  if (mode === 'first') await fill('sync-passphrase-repeat', PASSPHRASE);
  await page.click('[data-testid="sync-connect"]');
}

/** @param {import('puppeteer-core').Page} page @param {RegExp} text */
const outcomeSays = (page, text) =>
  until(
    `the sync outcome to say ${text}`,
    async () => text.test((await textOf(page, '[data-testid="sync-outcome"]')) ?? ''),
    {
      timeout: 15_000,
      show: () => page.evaluate(() => document.querySelector('#sync')?.textContent),
    },
  );

/** Waits for a finished run with nothing left to send. @param {import('puppeteer-core').Page} page */
const synced = (page) =>
  until(
    'sync to be up to date',
    () =>
      page.evaluate(() => {
        const status = document.querySelector('[data-testid="sync-status"]');
        return (
          status?.getAttribute('data-state') === 'ok' &&
          status.getAttribute('data-pending') === '0' &&
          !!status.getAttribute('data-last-sync')
        );
      }),
    { timeout: 20_000 },
  );

/**
 * Clicks "Sync now" once it can be clicked, then waits for the run to finish.
 * @param {import('puppeteer-core').Page} page
 */
async function syncNow(page) {
  const before = await page.evaluate(() =>
    document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-last-sync'),
  );
  await page.locator('[data-testid="sync-now"]:not([disabled])').click();
  await until('a new sync run', () =>
    page.evaluate(
      (before) =>
        document.querySelector('[data-testid="sync-status"]')?.getAttribute('data-last-sync') !==
        before,
      before,
    ),
  );
  await synced(page);
}

test('the first device sets up sync in the options page and sends a note, encrypted', async () => {
  await connectFromOptions(laptopPage, laptop.extensionUrl('options.html'), 'first');
  // The database does not exist yet: the setup offers to create it.
  await laptopPage.locator('[data-testid="sync-create-db"]').click();
  await outcomeSays(laptopPage, /Connected/);
  await synced(laptopPage);

  const person = await callBackground(laptopPage, 'createPerson', {
    email: 'haruka@example.com',
    name: 'Haruka Sato',
  });
  const meeting = await callBackground(laptopPage, 'createMeeting', {
    personId: person.id,
    title: '1on1 Haruka',
  });
  meetingId = meeting.id;
  await callBackground(laptopPage, 'saveNote', { meetingId, kind: 'shared', text: NOTE });
  await syncNow(laptopPage);
  const stored = JSON.stringify(await server.rawDocs(db));
  assert.ok(stored.length > 100, 'the server holds the records');
  for (const secret of ['登壇', 'Haruka', 'haruka@example.com']) {
    assert.ok(!stored.includes(secret), `the server never sees ${secret}`);
  }
});

test('a second profile joins through the browser’s permission, gets the note, and sends an edit back', async () => {
  // A server that does not allow the extension by CORS (CouchDB's default): access is asked for.
  server.setFault((/** @type {any} */ _req, /** @type {any} */ res, /** @type {any} */ next) => {
    res.removeHeader('Access-Control-Allow-Origin');
    next();
  });
  // Headless Firefox shows its permission prompt to nobody: this pref answers it with "Allow".
  desktop = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  const page = await desktop.newPage();
  const options = desktop.extensionUrl('options.html');
  await connectFromOptions(page, options, 'join');
  // Firefox asks only in a click's own turn: the setup asks for one more click, never hangs.
  await page.locator('[data-testid="sync-allow-access"]').click();
  await outcomeSays(page, /Connected/);
  await synced(page);

  await openExtensionPage(
    page,
    desktop.extensionUrl(`notebook.html#meeting=${meetingId}`),
    '[data-testid="meeting-notes"]',
  );
  // In the notebook's editor of that meeting's shared note.
  await until('the note from the laptop to show', () =>
    page.evaluate(
      (note) => [...document.querySelectorAll('textarea')].some((field) => field.value === note),
      NOTE,
    ),
  );

  await callBackground(page, 'saveNote', { meetingId, kind: 'shared', text: EDITED });
  await openExtensionPage(page, options, '[data-testid="sync-now"]');
  await syncNow(page);

  // Back on the laptop (its server allows it by CORS again).
  server.setFault(null);
  await openExtensionPage(
    laptopPage,
    laptop.extensionUrl('options.html'),
    '[data-testid="sync-now"]',
  );
  await syncNow(laptopPage);
  const view = await callBackground(laptopPage, 'getMeetingView', { meetingId });
  assert.equal(view.shared?.text, EDITED);
});
