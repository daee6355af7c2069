// The MV3 background as Firefox runs it: an event page, suspended when idle and started again by
// the next message. Nothing may live only in its globals: the data, and the answers, survive.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { callBackground, launchFirefox, openExtensionPage, until } from './harness.mjs';

/** @type {import('./harness.mjs').Firefox} */
let firefox;
/** @type {import('puppeteer-core').Page} */
let page;

before(async () => {
  // Suspended after 1 s idle instead of 30 s.
  firefox = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1_000 } });
  page = await firefox.newPage();
});
after(() => firefox?.close());

/** Whether the event page is running now (asked without waking it). */
const running = () =>
  page.evaluate(
    () => /** @type {any} */ (globalThis).browser.extension.getBackgroundPage() !== null,
  );

test('the background is an event page in Firefox, and it wakes for a message after being suspended', async () => {
  await openExtensionPage(page, firefox.extensionUrl('popup.html'));
  const manifest = await page.evaluate(() =>
    /** @type {any} */ (globalThis).browser.runtime.getManifest(),
  );
  // Scripts, not a service worker: Firefox has no MV3 background service worker.
  assert.equal(manifest.background.type, 'module');
  assert.equal(manifest.background.service_worker ?? null, null);
  assert.deepEqual(manifest.background.scripts, [firefox.extensionUrl('background.js')]);

  const person = await callBackground(page, 'createPerson', {
    email: 'ben@example.com',
    name: 'ベン',
  });
  const meeting = await callBackground(page, 'createMeeting', {
    personId: person.id,
    title: '1on1',
  });
  await callBackground(page, 'saveNote', {
    meetingId: meeting.id,
    kind: 'shared',
    text: '来期はキャリアについて相談したい',
  });
  // A mark only this instance of the background page carries.
  await page.evaluate(async () => {
    const background = await /** @type {any} */ (globalThis).browser.runtime.getBackgroundPage();
    background.taiwaMark = 1;
  });
  assert.equal(await running(), true);

  await until('the background to be suspended', async () => !(await running()), {
    timeout: 15_000,
  });
  const hits = await callBackground(page, 'search', { query: 'キャリア' });
  assert.deepEqual(
    hits.map((hit) => hit.meetingId),
    [meeting.id],
  );
  const mark = await page.evaluate(async () => {
    const background = await /** @type {any} */ (globalThis).browser.runtime.getBackgroundPage();
    return background.taiwaMark ?? null;
  });
  assert.equal(mark, null, 'a new instance answered');
});
