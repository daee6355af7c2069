import type { Page } from '@playwright/test';
import { STATE_ATTRIBUTE, type CalendarState, type MeetState } from '../../utils/dom/page-state';
import { expect } from './extension';

/**
 * Waits until the content script's latest decision for the page is `state` (the root's
 * `data-taiwa-state`, docs/google-pages.md § test contract). A test that checks that something
 * did not appear waits for this, never for a fixed time: the decision is marked after the panel or
 * sidebar was set for it. Calendar decides in the observer callback of the change itself, so once
 * a change of the card can be seen, the decision read is the one taken after it.
 */
export async function expectDecided(
  page: Page,
  state: CalendarState | MeetState,
  options?: { timeout?: number },
) {
  await expect(page.locator('html')).toHaveAttribute(STATE_ATTRIBUTE, state, options);
}

/**
 * Clears the decision, so that the one waited for next is taken after what the test does next
 * (when it would read the same as the one before, e.g. no panel, then no panel again).
 */
export async function clearDecision(page: Page) {
  await page.evaluate((name) => document.documentElement.removeAttribute(name), STATE_ATTRIBUTE);
}
