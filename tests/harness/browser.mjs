// Shared by the end-to-end tests and `npm run demo`: finds a Chromium, loads the built extension
// into it, and serves the fixture pages at Google's real URLs so the content scripts inject as in
// production. Plain ESM with JSDoc types so node runs it without a build step.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The Chrome build `wxt build` writes. */
export const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');

/** Debian/Ubuntu install locations, most common first. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export const NO_CHROMIUM_MESSAGE = [
  'No Chromium found for the end-to-end tests.',
  '  Debian/Ubuntu: sudo apt-get install -y chromium',
  '  or point TAIWA_CHROMIUM at a Chromium or Chrome binary,',
  "  or install Playwright's own browser where downloads work: npx playwright install chromium",
].join('\n');

/**
 * Which Chromium to launch: $TAIWA_CHROMIUM, else the system one, else Playwright's own build.
 * @returns {{ source: string, launch: import('@playwright/test').LaunchOptions } | null}
 */
export function findChromium() {
  const fromEnv = process.env.TAIWA_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`TAIWA_CHROMIUM points at ${fromEnv}, which does not exist.`);
    return { source: fromEnv, launch: { executablePath: fromEnv } };
  }
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return { source: system, launch: { executablePath: system } };
  try {
    const own = chromium.executablePath();
    if (existsSync(own)) return { source: own, launch: { channel: 'chromium' } };
  } catch {
    // Playwright has no browser of its own here.
  }
  return null;
}

/**
 * Launches Chromium with the built extension and a fresh profile.
 * `language` sets the browser UI language, which chrome.i18n follows (on Linux through LANGUAGE).
 * `userDataDir` keeps the profile somewhere known (the benchmark measures it); default: a temporary one.
 * @param {{ extensionDir?: string, headless?: boolean, language?: 'en' | 'ja', userDataDir?: string }} [options]
 */
export async function launchWithExtension({
  extensionDir = CHROME_BUILD,
  headless = true,
  language = 'en',
  userDataDir = '',
} = {}) {
  const found = findChromium();
  if (!found) throw new Error(NO_CHROMIUM_MESSAGE);
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build:chrome" first.`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...found.launch,
    headless,
    locale: language === 'ja' ? 'ja-JP' : 'en-US',
    env: {
      ...process.env,
      LANGUAGE: language,
      LANG: language === 'ja' ? 'ja_JP.UTF-8' : 'en_US.UTF-8',
    },
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${language}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

/** Meet's meeting-code paths; everything else on meet.google.com is its landing page. */
const MEET_CODE_PATH = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}(\/|$)/;

/**
 * The fixture file served for a Google URL.
 * @param {URL} url
 */
export function fixtureFor(url) {
  // Scripts shared by a fixture page and the unit tests (tests/fixtures/<surface>/*.mjs).
  const shared = /^\/taiwa-fixtures\/((?:calendar|meet)\/[a-z0-9-]+\.mjs)$/.exec(url.pathname);
  if (shared && /\.google\.com$/.test(url.hostname)) return shared[1];
  if (url.hostname === 'calendar.google.com') {
    return url.pathname.includes('/r/eventedit/') ? 'calendar/edit.html' : 'calendar/week.html';
  }
  if (url.hostname === 'meet.google.com') {
    return MEET_CODE_PATH.test(url.pathname) ? 'meet/call.html' : 'meet/landing.html';
  }
  return null;
}

/**
 * Serves the fixture pages at https://calendar.google.com/** and https://meet.google.com/**,
 * and refuses every other outside request, so nothing leaves the machine during a test or demo.
 * @param {import('@playwright/test').BrowserContext} context
 */
export async function serveGoogleFixtures(context) {
  await context.route(/^https?:\/\//, async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    const file = fixtureFor(url);
    if (!file) return route.abort('blockedbyclient');
    const body = await readFile(resolve(FIXTURES, file));
    const contentType = file.endsWith('.mjs') ? 'text/javascript' : 'text/html; charset=utf-8';
    return route.fulfill({ status: 200, contentType, body });
  });
}
