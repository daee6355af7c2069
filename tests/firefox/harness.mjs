// The Firefox end-to-end suite's harness: finds a Firefox, starts it with the built extension
// installed as a temporary add-on (puppeteer-core over WebDriver BiDi), serves the fixture pages at
// Google's real URLs, and waits for decided signals instead of sleeping. Plain ESM with JSDoc
// types so node runs it without a build step.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { fixtureFor } from '../harness/browser.mjs';
import { decodeReply, encodeMessage } from '../support/message.mjs';

/** @typedef {import('../../utils/messaging/protocol').ProtocolMap} ProtocolMap */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The Firefox build `wxt build -b firefox` writes. */
export const FIREFOX_BUILD = resolve(ROOT, '.output/firefox-mv3');

/** The add-on id the manifest declares (browser_specific_settings.gecko.id). */
export const ADDON_ID = 'taiwa@taiwa.app';

/** Debian's ESR first (what CI installs), then a rolling-release Firefox. */
const SYSTEM_FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** Which Firefox to launch: $TAIWA_FIREFOX, else the system one; null when there is none. */
export function findFirefox() {
  const fromEnv = process.env.TAIWA_FIREFOX;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`TAIWA_FIREFOX points at ${fromEnv}, which does not exist.`);
    }
    return fromEnv;
  }
  return SYSTEM_FIREFOXES.find((path) => existsSync(path)) ?? null;
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Polls `probe` until it returns something truthy, and returns that. A probe that throws (a page
 * between two documents, a frame not there yet) counts as "not yet". On timeout, says what was
 * awaited, what the probe last gave and, with `show`, what the page showed then.
 * @template T
 * @param {string} what
 * @param {() => T | Promise<T>} probe
 * @param {{ timeout?: number, interval?: number, show?: () => Promise<unknown> }} [options]
 * @returns {Promise<NonNullable<T>>}
 */
export async function until(what, probe, { timeout = 15_000, interval = 50, show } = {}) {
  const deadline = Date.now() + timeout;
  /** @type {unknown} */
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return /** @type {NonNullable<T>} */ (value);
      last = value;
    } catch (error) {
      last = error instanceof Error ? `threw ${error.message}` : error;
    }
    if (Date.now() > deadline) {
      const shown = show ? await show().catch((error) => `(could not show: ${error})`) : undefined;
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})` +
          (shown === undefined ? '' : `\nThe page showed: ${JSON.stringify(shown)}`),
      );
    }
    await sleep(interval);
  }
}

/**
 * @typedef {object} Firefox
 * @property {import('puppeteer-core').Browser} browser
 * @property {string} uuid  the extension's internal UUID: its pages are moz-extension://<uuid>/
 * @property {(path: string) => string} extensionUrl
 * @property {() => Promise<import('puppeteer-core').Page>} newPage  a tab with Google served from the fixtures
 * @property {() => Promise<void>} close
 */

/**
 * Starts a headless Firefox with a fresh profile and the built extension installed as a
 * temporary add-on. The extension's UUID is chosen here (a pref read at install), so its pages'
 * addresses are known without asking the browser.
 * @param {{ extensionDir?: string, prefs?: Record<string, unknown> }} [options]
 * @returns {Promise<Firefox>}
 */
export async function launchFirefox({ extensionDir = FIREFOX_BUILD, prefs = {} } = {}) {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: apt-get install -y firefox-esr');
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run "wxt build -b firefox" first.`);
  }
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // moz-extension:// pages can be opened and scripted from the driver only with this.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, LANGUAGE: 'en', LANG: 'en_US.UTF-8' },
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      'intl.accept_languages': 'en-US, en',
      // No update checks or telemetry (puppeteer's profile already turns most of the rest off).
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...prefs,
    },
  });
  try {
    const id = await browser.installExtension(extensionDir);
    if (id !== ADDON_ID) throw new Error(`Installed ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionUrl = (/** @type {string} */ path) => `moz-extension://${uuid}/${path}`;
  let first = true;
  const newPage = async () => {
    const existing = first ? (await browser.pages())[0] : undefined;
    first = false;
    const page = existing ?? (await browser.newPage());
    await serveGoogleFixtures(page);
    return page;
  };
  return { browser, uuid, extensionUrl, newPage, close: () => browser.close() };
}

/**
 * Serves the fixture pages at https://calendar.google.com/** and https://meet.google.com/**, as
 * the Chromium suite does, and refuses every other outside request.
 * @param {import('puppeteer-core').Page} page
 */
export async function serveGoogleFixtures(page) {
  await page.setRequestInterception(true);
  page.on('request', async (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    if (!/^https?:$/.test(url.protocol)) return request.continue();
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return request.continue();
    const file = fixtureFor(url);
    if (!file) return request.abort('blockedbyclient');
    const body = await readFile(resolve(FIXTURES, file));
    const contentType = file.endsWith('.mjs') ? 'text/javascript' : 'text/html; charset=utf-8';
    return request.respond({ status: 200, contentType, body });
  });
}

/**
 * Opens one of the extension's pages and waits until `ready` (a selector) is in it. Such pages
 * never report "loaded" to the driver (puppeteer #14314), so the navigation is not awaited.
 * @param {import('puppeteer-core').Page} page
 * @param {string} url
 * @param {string} [ready]
 */
export async function openExtensionPage(page, url, ready = 'h1') {
  const target = new URL(url);
  // Asked of the page: the driver does not follow moz-extension:// navigations.
  const current = await page.evaluate(() => location.href).catch(() => '');
  if (target.hash && target.href.split('#')[0] === current.split('#')[0]) {
    // The same document at another fragment: no load, the page follows `hashchange`.
    await page.evaluate((hash) => (location.hash = hash), target.hash);
  } else {
    // The document being left is marked, so that opening the same address again (a reload)
    // waits for the new one.
    await page.evaluate(() => Object.assign(window, { taiwaLeaving: true })).catch(() => undefined);
    page.goto(url).catch(() => {
      // Never settles for moz-extension:// pages, or is cut short by the next navigation.
    });
  }
  await until(`${url} to show ${ready}`, () =>
    page.evaluate(
      (url, ready) =>
        !('taiwaLeaving' in window) && location.href === url && !!document.querySelector(ready),
      url,
      ready,
    ),
  );
}

/**
 * Sends a protocol message from an extension page (or frame), encoded by the tests' one copy of
 * @webext-core/messaging's wire format, and returns the handler's answer (or throws its error).
 * @template {keyof ProtocolMap} K
 * @param {import('puppeteer-core').Page | import('puppeteer-core').Frame} page
 * @param {K} type
 * @param {Parameters<ProtocolMap[K]>[0]} [data]
 * @returns {Promise<ReturnType<ProtocolMap[K]>>}
 */
export async function callBackground(page, type, data) {
  const reply = await page.evaluate(
    (message) =>
      /** @type {typeof import('wxt/browser').browser} */ (
        /** @type {any} */ (globalThis).browser
      ).runtime.sendMessage(message),
    encodeMessage(type, data),
  );
  return decodeReply(reply);
}

/**
 * The text of the first element matching `selector` in a page or frame, or null.
 * @param {import('puppeteer-core').Page | import('puppeteer-core').Frame} page
 * @param {string} selector
 */
export const textOf = (page, selector) =>
  page.evaluate(
    (selector) => document.querySelector(selector)?.textContent?.trim() ?? null,
    selector,
  );

/**
 * The text of the first element matching `selector` inside the extension frame of one of Taiwa's
 * hosts on a Google page (`hostSelector`: its wrapper), or null while there is no such frame or
 * element. The frame is looked up each time: a host can be removed and mounted again.
 * @param {import('puppeteer-core').Page} page
 * @param {string} hostSelector
 * @param {string} selector
 */
export async function frameText(page, hostSelector, selector) {
  const element = await page.$(`${hostSelector} iframe`);
  const frame = await element?.contentFrame();
  await element?.dispose();
  return frame ? textOf(frame, selector) : null;
}
