import type { Page } from '@playwright/test';
import { expect, test } from './extension';

const host = (page: Page) => page.locator('[data-taiwa="notes-sidebar"]');

test('docks the notes sidebar in a call, clear of the control bar', async ({
  page,
  extensionUrl,
}) => {
  await page.goto('https://meet.google.com/abc-defg-hij?authuser=0');
  await expect(host(page)).toBeVisible();
  await expect(host(page).locator('iframe')).toHaveAttribute(
    'src',
    extensionUrl('notes-sidebar.html'),
  );
  const frame = page.frameLocator('[data-taiwa="notes-sidebar"] iframe');
  await expect(frame.getByTestId('page-title')).toHaveText('1on1 notes');
  await expect(frame.getByTestId('background-status')).toHaveAttribute('data-state', 'ok');

  const sidebar = (await host(page).boundingBox())!;
  const controls = (await page.locator('.controls').boundingBox())!;
  expect(sidebar.y + sidebar.height).toBeLessThanOrEqual(controls.y);
});

test('follows single-page navigation between the landing page and a call', async ({ page }) => {
  await page.goto('https://meet.google.com/landing');
  await page.waitForTimeout(300);
  await expect(host(page)).toHaveCount(0);

  await page.evaluate(() => history.pushState({}, '', '/kln-mnop-qrs'));
  await expect(host(page)).toBeVisible();
  await page.evaluate(() => history.pushState({}, '', '/landing'));
  await expect(host(page)).toHaveCount(0);
});
