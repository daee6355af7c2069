import type { Worker } from '@playwright/test';
import { expect, test } from './extension';
import { seed } from './seed';

/**
 * What the browser does on a shortcut: calls the `commands.onCommand` listener with the command
 * and the active tab. CDP key presses do not reach Chromium's shortcut handling, so the test
 * calls the listener's function in the service worker.
 */
async function pressShortcut(worker: Worker, command: string) {
  await worker.evaluate(
    (name) =>
      (globalThis as unknown as { taiwaRunCommand(c: string): Promise<void> }).taiwaRunCommand(
        name,
      ),
    command,
  );
}

test('keyboard shortcuts fold the Meet sidebar and put the cursor in a new action item', async ({
  page,
  extension,
  extensionUrl,
}) => {
  const press = (command: string) => pressShortcut(extension.worker, command);
  await seed(page, extensionUrl, [
    {
      person: { name: 'Aiko' },
      meetings: [
        {
          plannedStart: Date.now() - 60_000,
          plannedEnd: Date.now() + 29 * 60_000,
          meetCode: 'abc-defg-hij',
        },
      ],
    },
  ]);
  await page.goto('https://meet.google.com/abc-defg-hij?authuser=0&phase=call');
  const sidebar = page.frameLocator('[data-taiwa="notes-sidebar"] iframe');
  await expect(sidebar.getByTestId('person-name')).toHaveText('Aiko');
  // The shortcut acts on the focused window's tab: this page's window, even on a busy machine.
  await page.bringToFront();
  await page.locator('body').click({ position: { x: 10, y: 10 } });

  await press('toggle-sidebar');
  await expect(sidebar.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false');
  await press('toggle-sidebar');
  await expect(sidebar.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'true');

  await press('toggle-sidebar');
  await expect(sidebar.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false');
  // Adding an action item unfolds the sidebar and types there, not into Google's page.
  await press('add-action');
  await expect(sidebar.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar.getByTestId('action-input')).toBeFocused();
  await page.keyboard.type('Book the design review');
  await page.keyboard.press('Enter');
  await expect(sidebar.getByTestId('open-actions')).toContainText('Book the design review');
});

test('the add-action shortcut types into the Calendar prep panel', async ({
  page,
  extension,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('options.html'));
  await page.goto('https://calendar.google.com/calendar/u/1/r/week/2026/11/23');
  await page.locator('[data-fixture-event="aiko"]').click();
  const panel = page.frameLocator('[data-taiwa="prep-panel"] iframe');
  await expect(panel.getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await page.bringToFront();
  await pressShortcut(extension.worker, 'add-action');
  await expect(panel.getByTestId('action-input')).toBeFocused();
  await page.keyboard.type('Ask about the offsite');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('open-actions')).toContainText('Ask about the offsite');
});
