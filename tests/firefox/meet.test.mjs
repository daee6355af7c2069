// Meet in Firefox: the notes sidebar is out of sight in the lobby and while waiting, appears in
// the call with the person's notes, the talk meter moves with the speaking indicators, notes typed
// in it are saved, and it stays after the call for the wrap-up.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { callBackground, frameText, launchFirefox, openExtensionPage, until } from './harness.mjs';

const CALL = 'https://meet.google.com/abc-defg-hij';
const HOST = '[data-taiwa="notes-sidebar"]';

/** @type {import('./harness.mjs').Firefox} */
let firefox;
/** @type {import('puppeteer-core').Page} */
let control;
/** @type {import('puppeteer-core').Page} */
let page;
/** @type {{ id: string }} */
let meeting;

before(async () => {
  firefox = await launchFirefox();
  control = await firefox.newPage();
  await openExtensionPage(control, firefox.extensionUrl('options.html'));
  const person = await callBackground(control, 'createPerson', {
    email: 'aiko.tanaka@example.com',
    name: 'Aiko Tanaka',
    cadence: 'weekly',
  });
  // Today's 1on1 in the calendar, with this call's Meet code.
  meeting = await callBackground(control, 'createMeeting', {
    personId: person.id,
    title: '1on1 Aiko / Ben',
    plannedStart: Date.now() - 60_000,
    plannedEnd: Date.now() + 29 * 60_000,
    meetCode: 'abc-defg-hij',
    agenda: [
      {
        id: 'topic-1',
        text: 'Conference talk proposal',
        author: 'them',
        category: 'career',
        response: 'advice',
        done: false,
        order: 1,
        originId: null,
        createdAt: 1,
      },
    ],
  });
  page = await firefox.newPage();
});
after(() => firefox?.close());

/** @param {'lobby' | 'waiting' | 'call' | 'ended'} phase */
const setPhase = (phase) =>
  page.evaluate((phase) => /** @type {any} */ (window).fx.setPhase(phase), phase);

/** @param {'self' | 'other'} who @param {boolean} on */
const speak = (who, on) =>
  page.evaluate((who, on) => /** @type {any} */ (window).fx.speak(who, on), who, on);

/** How the sidebar's host shows on the page: null when there is none. */
const hostState = () =>
  page.evaluate((host) => {
    const element = document.querySelector(host);
    if (!element) return null;
    const box = element.getBoundingClientRect();
    return {
      visibility: getComputedStyle(element).visibility,
      bottom: box.bottom,
      controlsTop: document.querySelector('.controls')?.getBoundingClientRect().top ?? null,
    };
  }, HOST);

/** What the background knows of this tab's call, asked from inside the sidebar's frame. */
async function callPhase() {
  const element = await page.$(`${HOST} iframe`);
  const frame = await element?.contentFrame();
  return frame ? (await callBackground(frame, 'getCallView'))?.phase : undefined;
}

/** The talk meter's measured milliseconds. */
async function talk() {
  const element = await page.$(`${HOST} iframe`);
  const frame = await element?.contentFrame();
  if (!frame) return null;
  return frame.evaluate(() => {
    const meter = document.querySelector('[data-testid="talk-ratio"]');
    if (!(meter instanceof HTMLElement)) return null;
    return { self: Number(meter.dataset.selfMs), others: Number(meter.dataset.othersMs) };
  });
}

test('the sidebar waits out of sight in the lobby and while waiting to be let in', async () => {
  await page.goto(`${CALL}?authuser=0&phase=lobby`);
  // Loaded ahead, hidden: the content script has decided the page is the lobby.
  const lobby = await until('the sidebar to be preloaded in the lobby', hostState);
  assert.equal(lobby.visibility, 'hidden');
  await until('the background to hear of the lobby', async () => (await callPhase()) === 'lobby');

  await setPhase('waiting');
  await until('the background to hear of the wait', async () => (await callPhase()) === 'waiting');
  assert.equal((await hostState())?.visibility, 'hidden');
  // Not reachable with Tab either.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => !!document.activeElement?.closest('[data-taiwa]')),
      false,
    );
  }
});

test('in the call it appears with her notes, clear of the control bar', async () => {
  await setPhase('call');
  await until('the sidebar to show', async () => (await hostState())?.visibility === 'visible');
  await until(
    'the sidebar to name Aiko',
    async () => (await frameText(page, HOST, '[data-testid="person-name"]')) === 'Aiko Tanaka',
  );
  const agenda = await until('the agenda to show', async () => {
    const element = await page.$(`${HOST} iframe`);
    const frame = await element?.contentFrame();
    return frame?.evaluate(
      () =>
        /** @type {HTMLInputElement | null} */ (
          document.querySelector('[data-testid="agenda-list"] input.grow')
        )?.value,
    );
  });
  assert.equal(agenda, 'Conference talk proposal');
  const state = await hostState();
  assert.ok(state && state.controlsTop !== null && state.bottom <= state.controlsTop);
});

test('the talk meter moves with the speaking indicators', async () => {
  await speak('other', true);
  const first = await until('the other side to be measured', async () => {
    const now = await talk();
    return now && now.others > 0 ? now : null;
  });
  await until('the other side to keep counting', async () => {
    const now = await talk();
    return now && now.others > first.others;
  });
  await speak('other', false);
  await speak('self', true);
  await until('my side to be measured', async () => ((await talk())?.self ?? 0) > 0);
  await speak('self', false);
});

test('a note typed in the sidebar is saved', async () => {
  const element = await page.$(`${HOST} iframe`);
  const frame = await element?.contentFrame();
  assert.ok(frame);
  await frame.click('[data-testid="notes-shared"]');
  await page.keyboard.type('Wants to present at the meetup.');
  await until('the note to be saved', async () => {
    const view = await callBackground(control, 'getMeetingView', { meetingId: meeting.id });
    return view.shared?.text === 'Wants to present at the meetup.';
  });
});

test('after the call it stays for the wrap-up', async () => {
  await page.click('#leave');
  await until(
    'the wrap-up to show',
    async () => (await frameText(page, HOST, '[data-testid="wrap-up"]')) !== null,
  );
  assert.equal((await hostState())?.visibility, 'visible');
});
