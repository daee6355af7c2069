import type { Page } from '@playwright/test';
import { expect, test } from './extension';
import { clearDecision, expectDecided } from './page-state';

const WEEK = 'https://calendar.google.com/calendar/u/1/r/week/2026/11/23';
const host = (page: Page) => page.locator('[data-taiwa="prep-panel"]');
const chip = (page: Page, event: string) => page.locator(`[data-fixture-event="${event}"]`);
/** The one popover Google reuses for every event (its wrapper, as captured). */
const card = (page: Page) => page.locator('[data-chips-dialog][jsname="ssXDle"]');

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not visible`);
  return b;
}

test('mounts the prep panel beside an opened event, in an extension iframe', async ({
  page,
  extensionId,
}) => {
  await page.goto(WEEK);
  await expect(host(page)).toHaveCount(0);
  await chip(page, 'aiko').click();
  await expect(host(page)).toBeVisible();
  // Through the per-session id (use_dynamic_url), never the fixed extension id.
  const src = await host(page).locator('iframe').getAttribute('src');
  expect(src).toMatch(
    /^chrome-extension:\/\/[0-9a-f-]{36}\/prep-panel\.html#aiko1on1_20261124T010000Z$/,
  );
  expect(src).not.toContain(extensionId);

  const frame = page.frameLocator('[data-taiwa="prep-panel"] iframe');
  await expect(frame.locator('h1')).toContainText('1on1 prep');
  await expect(frame.getByTestId('person-name')).toHaveText('Aiko Tanaka');

  // Beside the card, not over it (Google's buttons stay clickable).
  const panel = await box(page, '[data-taiwa="prep-panel"]');
  const dialog = await box(page, '[data-chips-dialog][jsname="ssXDle"]');
  expect(panel.x >= dialog.x + dialog.width || panel.x + panel.width <= dialog.x).toBe(true);
  await expect(page.locator('#xDetDlgCloseBu')).toBeEnabled();
  await page.locator('#xDetDlgCloseBu').click({ trial: true });

  // The page cannot read what the panel shows.
  const readable = await page.evaluate(
    () => document.querySelector<HTMLIFrameElement>('[data-taiwa] iframe')?.contentDocument ?? null,
  );
  expect(readable).toBeNull();
});

test("survives Google's re-render and reuse of the card, and leaves when it closes", async ({
  page,
}) => {
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  await expect(host(page)).toBeVisible();
  // The fixture re-renders the card's content list 0.8 s after opening; the content script
  // decides again on that change.
  await expect(card(page)).toHaveAttribute('data-fixture-rerendered', 'aiko');
  await expectDecided(page, 'shown');
  await expect(host(page)).toHaveCount(1);
  await expect(host(page)).toBeVisible();

  // The same dialog, reused for another 1on1.
  await chip(page, 'yamada').click();
  await expect(card(page).locator('#rAECCd')).toHaveText('1対1 山田さん');
  await expect(host(page)).toHaveCount(1);

  await page.keyboard.press('Escape');
  await expect(card(page)).toBeHidden();
  await expect(host(page)).toHaveCount(0);

  // A task has no event details: no panel.
  await clearDecision(page);
  await chip(page, 'task').click();
  await expect(card(page).locator('#rAECCd')).toHaveText('Submit expense report');
  await expectDecided(page, 'none');
  await expect(host(page)).toHaveCount(0);
});

test('puts its host back when a page script tampers with it', async ({ page }) => {
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  await expect(host(page)).toBeVisible();
  await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-taiwa="prep-panel"]')!;
    el.style.display = 'none';
    el.querySelector('iframe')!.src = 'https://calendar.google.com/phish';
  });
  await expect(host(page)).toBeVisible();
  await expect(host(page).locator('iframe')).toHaveAttribute('src', /^chrome-extension:\/\//);
  await page.evaluate(() => document.querySelector('[data-taiwa="prep-panel"]')!.remove());
  await expect(host(page)).toBeVisible();
});

test('works on the Japanese Calendar UI', async ({ page }) => {
  await page.goto(`${WEEK}?hl=ja`);
  await chip(page, 'yamada').click();
  await expect(card(page).locator('#xDetDlgCloseBu')).toHaveAttribute('aria-label', '閉じる');
  await expect(host(page)).toBeVisible();
});
