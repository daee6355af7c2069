// Calendar in Firefox: the prep panel beside an opened event names the right person, on the
// captured real-markup week page in English and in Japanese (24-hour times).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { callBackground, frameText, launchFirefox, openExtensionPage, until } from './harness.mjs';

const WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';
const HOST = '[data-taiwa="prep-panel"]';

/** @type {import('./harness.mjs').Firefox} */
let firefox;
/** @type {import('puppeteer-core').Page} */
let control;
/** @type {import('puppeteer-core').Page} */
let page;

before(async () => {
  firefox = await launchFirefox();
  control = await firefox.newPage();
  await openExtensionPage(control, firefox.extensionUrl('options.html'));
  // Aiko's history before this week: a held 1on1 with an open action and a shared note.
  const aiko = await callBackground(control, 'createPerson', {
    email: 'aiko.tanaka@example.com',
    name: 'Aiko Tanaka',
    relationship: 'report',
    cadence: 'weekly',
  });
  const held = await callBackground(control, 'createMeeting', {
    personId: aiko.id,
    title: '1on1 Aiko / Ben',
    plannedStart: Date.parse('2026-11-17T10:00:00+09:00'),
    status: 'held',
  });
  await callBackground(control, 'createAction', {
    personId: aiko.id,
    meetingId: held.id,
    text: 'Share the onboarding doc',
    owner: 'me',
  });
  await callBackground(control, 'saveNote', {
    meetingId: held.id,
    kind: 'shared',
    text: 'Agreed to pair on the release.',
  });
  page = await firefox.newPage();
});
after(() => firefox?.close());

/** @param {string} event */
const openChip = (event) => page.click(`[data-fixture-event="${event}"]`);

/** The name the prep panel shows, once it shows one. */
const panelNames = (/** @type {string} */ name) =>
  until(`the prep panel to name ${name}`, async () => {
    const text = await frameText(page, HOST, '[data-testid="person-name"]');
    return text === name;
  });

/** The background's view of an event: once it is there, the content script has decided. */
const prepView = (/** @type {string} */ eventId) =>
  callBackground(control, 'getPrepView', { eventId });

test('the prep panel names the right person, with their history, and follows a reused card', async () => {
  await page.goto(`${WEEK}?hl=en`);
  await openChip('aiko');
  await panelNames('Aiko Tanaka');
  // Firefox has no per-session address (use_dynamic_url): the install's own random origin, and
  // the Google page cannot look inside.
  const frame = await page.evaluate((host) => {
    const iframe = document.querySelector(`${host} iframe`);
    return iframe instanceof HTMLIFrameElement
      ? { src: iframe.src, readable: iframe.contentDocument !== null }
      : null;
  }, HOST);
  assert.deepEqual(frame, {
    src: firefox.extensionUrl('prep-panel.html#aiko1on1_20261124T010000Z'),
    readable: false,
  });
  assert.match(
    (await frameText(page, HOST, '[data-testid="open-actions"]')) ?? '',
    /Share the onboarding doc/,
  );
  assert.equal(
    await frameText(page, HOST, '[data-testid="last-shared"]'),
    'Agreed to pair on the release.',
  );
  // Beside the card, not over it.
  const [panel, card] = await page.evaluate(
    (host) =>
      [host, '[data-chips-dialog][jsname="ssXDle"]'].map((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box ? { left: box.left, right: box.right } : null;
      }),
    HOST,
  );
  assert.ok(panel && card, 'both the panel and the card are on the page');
  assert.ok(panel.left >= card.right || panel.right <= card.left, 'the panel is beside the card');

  // The same card reused for a group meeting: decided by the background, then no panel.
  await openChip('team');
  const team = await until('the group event to be decided', async () => {
    const view = await prepView('teamweekly_20261125T020000Z');
    return view.event;
  });
  assert.equal(team.isOneOnOne, false);
  await until('the panel to leave the group event', () =>
    page.evaluate((host) => !document.querySelector(host), HOST),
  );

  // Reused again for another 1on1: the new person, never the previous one.
  await openChip('yamada');
  await panelNames('山田 太郎');
  await openChip('aiko');
  await panelNames('Aiko Tanaka');
});

test('a title holding a time keeps the right start (dates read in Firefox)', async () => {
  await page.goto(`${WEEK}?hl=en`);
  await openChip('moved');
  await panelNames('Aiko Tanaka');
  const { meeting } = (await prepView('aiko1on1_20261127T000000Z')).meeting ?? {};
  assert.ok(meeting?.plannedStart && meeting.plannedEnd, 'the meeting is recorded with its times');
  const start = new Date(meeting.plannedStart);
  assert.deepEqual([start.getDate(), start.getHours(), start.getMinutes()], [27, 14, 0]);
  assert.equal(meeting.plannedEnd - meeting.plannedStart, 30 * 60_000);
});

test('the Japanese Calendar (24-hour) names the right person too', async () => {
  await page.goto(`${WEEK}?hl=ja`);
  await openChip('yamada');
  await panelNames('山田 太郎');
  await openChip('aiko');
  await panelNames('Aiko Tanaka');
  const { meeting } = (await prepView('aiko1on1_20261124T010000Z')).meeting ?? {};
  assert.ok(meeting?.plannedStart, 'the meeting is recorded with its start');
  const start = new Date(meeting.plannedStart);
  assert.deepEqual([start.getDate(), start.getHours()], [24, 10]);
});
