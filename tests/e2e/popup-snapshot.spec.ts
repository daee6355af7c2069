import type { Page } from '@playwright/test';
import { callBackground } from './background';
import { axeProblems } from './axe';
import { expect, test } from './extension';

/*
 * The popup paints its last view (kept in storage.session by the background) before React has
 * started, then its fresh data replaces it (utils/messaging/popup-snapshot.ts).
 */

const KEY = 'popupSnapshot';

/**
 * Holds the popup's `getPopupView` answers back until the test calls `releasePopupView()` in the
 * page: what shows before the fresh answer is then decided, not raced. Set before any script of
 * the page runs (the early script asks first).
 */
async function holdPopupView(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { releasePopupView?: () => void };
    // Idempotent: one hold per document.
    if (w.releasePopupView) return;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    w.releasePopupView = release;
    // The messaging library passes a callback; a promise is returned when it does not.
    const send = chrome.runtime.sendMessage.bind(chrome.runtime) as (...args: unknown[]) => unknown;
    (chrome.runtime as unknown as { sendMessage: unknown }).sendMessage = (...args: unknown[]) => {
      const held = (args[0] as { type?: string } | null)?.type === 'getPopupView';
      const callback = args.at(-1);
      if (!held) return send(...args);
      if (typeof callback !== 'function') {
        return released.then(() => send(...args));
      }
      send(...args.slice(0, -1), (answer: unknown) => void released.then(() => callback(answer)));
    };
  });
}

const release = (page: Page) =>
  page.evaluate(() => (window as unknown as { releasePopupView: () => void }).releasePopupView());

/** What session storage holds for the popup (read from an extension page, a trusted context). */
const storedSnapshot = (page: Page) =>
  page.evaluate(async (key) => (await chrome.storage.session.get(key))[key] ?? null, KEY);

test('the popup paints its last view at once, then the fresh data replaces it', async ({
  context,
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('notebook.html'));
  const aiko = await callBackground<{ id: string }>(page, 'createPerson', {
    email: 'aiko@example.com',
    name: 'Aiko',
  });
  // First open: no last view yet; once its data is on screen, the background keeps it.
  const first = await context.newPage();
  await first.goto(extensionUrl('popup.html'));
  await expect(first.getByTestId('attention-row')).toHaveText([/Aiko/]);
  await expect.poll(() => storedSnapshot(first)).not.toBeNull();
  await first.close();
  await callBackground(page, 'updatePerson', { id: aiko.id, patch: { name: 'Aiko Tanaka' } });

  // Second open, its fresh answer held back: the last view shows, inert and busy, and says so.
  const popup = await context.newPage();
  await holdPopupView(popup);
  await popup.goto(extensionUrl('popup.html'));
  const last = popup.getByTestId('popup-snapshot');
  await expect(last).toBeVisible();
  await expect(last).toContainText('Aiko');
  await expect(last).not.toContainText('Tanaka');
  await expect(last).toHaveAttribute('aria-busy', 'true');
  // The app has started (its status line says what is shown); nothing took the focus, and the
  // last view is out of the tab order: Tab reaches the search box first, as always.
  await expect(
    popup.getByRole('status').filter({ hasText: 'Your last view, updating…' }),
  ).toBeVisible();
  await expect(last).toHaveCount(1);
  await expect(popup.getByTestId('attention-row')).toHaveCount(0);
  expect(await popup.evaluate(() => document.activeElement === document.body)).toBe(true);
  await popup.keyboard.press('Tab');
  await expect(popup.getByTestId('search-input')).toBeFocused();
  expect(await axeProblems(popup)).toEqual([]);

  // The fresh answer replaces it; the focus stays where the user put it.
  await release(popup);
  await expect(popup.getByTestId('attention-row')).toHaveText([/Aiko Tanaka/]);
  await expect(last).toHaveCount(0);
  await expect(popup.getByText('Your last view, updating…')).toHaveCount(0);
  await expect(popup.getByTestId('search-input')).toBeFocused();
  // And the new view is kept for the next open.
  await expect
    .poll(async () => JSON.stringify(await storedSnapshot(popup)))
    .toContain('Aiko Tanaka');
});

test('after all data is deleted the popup never shows the old last view', async ({
  context,
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('popup.html'));
  await callBackground(page, 'createPerson', { email: 'ben@example.com', name: 'Ben Secret' });
  await page.reload();
  await expect(page.getByTestId('attention-row')).toHaveText([/Ben Secret/]);
  await expect.poll(() => storedSnapshot(page)).not.toBeNull();

  await page.close();
  // Deleted from another page (an open popup would keep its fresh, empty view at once).
  const notebook = await context.newPage();
  await notebook.goto(extensionUrl('notebook.html'));
  expect(await storedSnapshot(notebook)).not.toBeNull();
  await callBackground(notebook, 'deleteAll', { confirm: 'delete-everything' });
  // The deletion answers once the last view is gone too.
  expect(await storedSnapshot(notebook)).toBeNull();

  const popup = await context.newPage();
  await holdPopupView(popup);
  await popup.goto(extensionUrl('popup.html'));
  // The app has started and decided: nothing to show but "Loading…" (a last view is only ever
  // painted before the app renders).
  await expect(popup.getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
  await expect(popup.getByTestId('popup-snapshot')).toHaveCount(0);
  await expect(popup.getByText('Ben Secret')).toHaveCount(0);
  await release(popup);
  await expect(popup.getByText('Open a 1on1 in Google Calendar to prepare it')).toBeVisible();
  await expect(popup.getByText('Ben Secret')).toHaveCount(0);
});

test('a language change forgets the last view, so the popup never paints the other language', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('popup.html'));
  await callBackground(page, 'createPerson', { email: 'aiko@example.com', name: 'Aiko' });
  await page.reload();
  await expect(page.getByTestId('attention-row')).toHaveText([/Aiko/]);
  await expect.poll(() => storedSnapshot(page)).not.toBeNull();
  await page.evaluate(() => chrome.storage.local.set({ uiLanguage: 'ja' }));
  await expect.poll(() => storedSnapshot(page)).toBeNull();
});

test('a Google tab’s content script can neither read the last view nor hear it change', async ({
  context,
  page,
  extensionUrl,
}) => {
  // The Calendar fixture with Taiwa's content script in it; its isolated world found over CDP.
  await page.goto('https://calendar.google.com/calendar/u/1/r/week/2026/11/23');
  await expect(page.locator('html')).toHaveAttribute('data-taiwa-state', /.+/);
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; origin: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) =>
    worlds.push({ id: c.id, origin: c.origin, type: c.auxData?.type }),
  );
  await cdp.send('Runtime.enable');
  await expect
    .poll(() => worlds.filter((w) => w.origin.startsWith('chrome-extension://')).length)
    .toBeGreaterThan(0);
  const world = worlds.find((w) => w.origin.startsWith('chrome-extension://'))!;
  const inContentScript = async (expression: string) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as unknown;
  };
  // It is the content script's world: it has the extension's storage.local …
  expect(await inContentScript('typeof chrome.storage.local.get')).toBe('function');
  await inContentScript(`(() => {
    window.heard = [];
    chrome.storage.onChanged.addListener((changes, area) =>
      window.heard.push(area + ':' + Object.keys(changes).join(',')));
  })()`);

  // The popup keeps its last view.
  const popup = await context.newPage();
  await popup.goto(extensionUrl('popup.html'));
  await callBackground(popup, 'createPerson', { email: 'aiko@example.com', name: 'Aiko' });
  await expect(popup.getByTestId('attention-row')).toHaveText([/Aiko/]);
  await expect.poll(() => storedSnapshot(popup)).not.toBeNull();
  // A change the content script does hear, after the last view was written: its arrival says
  // the changes before it were delivered too.
  await popup.evaluate(() => chrome.storage.local.set({ probe: 1 }));
  await expect.poll(() => inContentScript('window.heard')).toContain('local:probe');

  // … but no storage.session: it cannot read the last view, and heard nothing of it.
  const read = await inContentScript(`(async () => {
    try {
      if (!chrome.storage.session) return 'no session area';
      return JSON.stringify(await chrome.storage.session.get(null));
    } catch (e) {
      return 'refused: ' + e.message;
    }
  })()`);
  expect(read).not.toContain('Aiko');
  expect(read).toMatch(/^(no session area|refused: )/);
  expect(await inContentScript('window.heard')).not.toContainEqual(
    expect.stringMatching(/^session:/),
  );
});
