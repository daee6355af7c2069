import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Serious and critical axe findings on the page in light and dark, as lines (none expected). */
export async function axeProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    problems.push(
      ...violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    );
  }
  await page.emulateMedia({ colorScheme: null });
  return problems;
}
