// Taiwa's own pages in Firefox: the popup, the notebook (history) and the options page open and
// show the seeded data; search finds Japanese and English words; the language chosen in the
// options applies to every page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { callBackground, launchFirefox, openExtensionPage, textOf, until } from './harness.mjs';
import { seedHistory } from './seed.mjs';

/** @type {import('./harness.mjs').Firefox} */
let firefox;
/** @type {import('puppeteer-core').Page} */
let page;
/** @type {Awaited<ReturnType<typeof seedHistory>>} */
let seeded;

before(async () => {
  firefox = await launchFirefox();
  page = await firefox.newPage();
  await openExtensionPage(page, firefox.extensionUrl('options.html'));
  seeded = await seedHistory(page);
});
after(() => firefox?.close());

/** The texts of every element matching `selector`. */
const textsOf = (/** @type {string} */ selector) =>
  page.evaluate(
    (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent?.trim() ?? ''),
    selector,
  );

/** Waits until the page's background-status line says the background answered. */
const backgroundAnswers = () =>
  until('the background status to be ok', () =>
    page.evaluate(
      () =>
        document.querySelector('[data-testid="background-status"]')?.getAttribute('data-state') ===
        'ok',
    ),
  );

test('the popup shows the next 1on1 and what I promised', async () => {
  await openExtensionPage(page, firefox.extensionUrl('popup.html'), '[data-testid="upcoming-row"]');
  assert.equal(await textOf(page, 'h1'), 'Taiwa');
  assert.equal(await page.title(), 'Taiwa');
  await backgroundAnswers();
  const upcoming = await textsOf('[data-testid="upcoming-row"]');
  assert.equal(upcoming.length, 1);
  assert.match(upcoming[0] ?? '', /Aiko Tanaka/);
  assert.match(upcoming[0] ?? '', /[A-Z][a-z]{2}, [A-Z][a-z]{2} \d+/);
  const promised = await until('my action items to show', () =>
    textOf(page, '[data-testid="my-actions"]'),
  );
  assert.match(promised, /Send Aiko the list of meetups/);
  assert.doesNotMatch(promised, /Draft the talk outline/);
});

test('search finds Japanese and English words (Intl.Segmenter in Firefox)', async () => {
  /** @param {string} query */
  const search = async (query) => {
    await page.locator('[data-testid="search-input"]').fill(query);
    return until(`hits for "${query}"`, async () => {
      const hits = await textsOf('[data-testid="search-hit"]');
      return hits.length > 0 && hits.every((hit) => hit.toLowerCase().includes(query))
        ? hits
        : null;
    });
  };
  assert.match((await search('fridays')).join(' '), /protect Fridays/);
  assert.match((await search('登壇')).join(' '), /来月の登壇に向けて/);
  // A kanji word before a space or at the end: Firefox says it is no word (isWordLike false).
  assert.match((await search('紹介')).join(' '), /メンター 紹介/);
});

test('the notebook lists the people and shows a person’s history', async () => {
  await openExtensionPage(
    page,
    firefox.extensionUrl('notebook.html'),
    '[data-testid="person-row"]',
  );
  assert.equal(await page.title(), 'Taiwa — history');
  const rows = await textsOf('[data-testid="person-row"]');
  assert.equal(rows.length, 2);
  assert.ok(rows.some((row) => row.includes('Aiko Tanaka')));
  assert.ok(rows.some((row) => row.includes('Ben Ito')));

  await openExtensionPage(
    page,
    firefox.extensionUrl(`notebook.html#person=${seeded.aiko.id}`),
    '[data-testid="timeline-meeting"]',
  );
  assert.equal(await textOf(page, '[data-testid="person-name"]'), 'Aiko Tanaka');
  const headings = await textsOf('h2, h3');
  for (const heading of ['Profile', 'Goals', 'Over time', 'Action items', 'Every 1on1', 'Export']) {
    assert.ok(headings.includes(heading), `heading ${heading} in ${headings.join(', ')}`);
  }
  const meetings = await textsOf('[data-testid="timeline-meeting"]');
  assert.ok(meetings.some((m) => m.includes('protect Fridays')));
  assert.ok(
    meetings.some((m) => m.includes('来月の登壇に向けて資料を準備することに合意しました。')),
  );
  assert.match((await textOf(page, '[data-testid="goals"]')) ?? '', /Give a conference talk/);
  assert.equal(
    await page.evaluate(() =>
      document.querySelector('[data-testid="chart-condition"]')?.getAttribute('data-points'),
    ),
    '3',
  );

  await openExtensionPage(
    page,
    firefox.extensionUrl('notebook.html#practice'),
    '[data-testid="chart-held"]',
  );
  assert.equal(await textOf(page, 'h2'), 'My 1on1 practice');
});

test('the options page shows the settings and keeps a change', async () => {
  await openExtensionPage(page, firefox.extensionUrl('options.html'), '[data-testid="keywords"]');
  assert.equal(await textOf(page, 'h1'), 'Taiwa settings');
  await backgroundAnswers();
  const headings = await textsOf('h2');
  for (const heading of ['Recognising 1on1s', 'Meetings', 'Backup and restore', 'Privacy']) {
    assert.ok(headings.includes(heading), `heading ${heading} in ${headings.join(', ')}`);
  }
  // The shortcuts as Firefox has them, and where Firefox changes them.
  const keys = await textsOf('[data-testid="shortcuts"] kbd');
  assert.deepEqual(keys.sort(), ['Alt+Shift+K', 'Alt+Shift+O', 'Alt+Shift+S']);
  const shortcuts = await page.evaluate(
    () => document.querySelector('[data-testid="shortcuts"]')?.parentElement?.textContent ?? '',
  );
  assert.match(shortcuts, /about:addons/);
  assert.doesNotMatch(shortcuts, /chrome:\/\//);

  // A setting saved in place, and used: a new person starts with the default rhythm.
  await page.select('[data-testid="default-cadence"]', 'monthly');
  await until('the new rhythm to be saved', async () => {
    const settings = await callBackground(page, 'getSettings');
    return settings.defaultCadence === 'monthly';
  });
  const eri = await callBackground(page, 'createPerson', { name: 'Eri' });
  assert.equal(eri.cadence, 'monthly');
});

test('the language chosen in the options applies to every page, dates included', async () => {
  await page.click('[data-testid="language-setting"] input[value="ja"]');
  await until(
    'the options page to speak Japanese',
    async () => (await textOf(page, 'h1')) === 'Taiwa の設定',
  );
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
  await openExtensionPage(page, firefox.extensionUrl('popup.html'), '[data-testid="upcoming-row"]');
  assert.equal(await textOf(page, 'h1'), 'Taiwa（対話）');
  assert.match(
    (await textOf(page, '[data-testid="upcoming-row"]')) ?? '',
    /\d+月\d+日\([日月火水木金土]\)/,
  );
  await openExtensionPage(
    page,
    firefox.extensionUrl('notebook.html'),
    '[data-testid="person-row"]',
  );
  assert.equal(await textOf(page, 'h1'), 'Taiwa — 履歴');
  await openExtensionPage(
    page,
    firefox.extensionUrl('options.html'),
    '[data-testid="language-setting"]',
  );
  await page.click('[data-testid="language-setting"] input[value="auto"]');
  await until(
    'the options page to speak English again',
    async () => (await textOf(page, 'h1')) === 'Taiwa settings',
  );
});
