import AxeBuilder from '@axe-core/playwright';
import { callBackground } from './background';
import { expect, test } from './extension';
import { seedHistory } from './seed';

test('settings are saved and used; the page is axe-clean in light and dark', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('options.html'));
  await page.getByTestId('keywords').fill('1on1\nキャリア相談');
  await page.getByRole('button', { name: 'Save' }).first().click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await page.getByTestId('include-mendan').check();
  await page.getByTestId('default-cadence').selectOption('monthly');
  await page.getByTestId('evaluation-reminder').uncheck();
  // The talk-time aim by keyboard: two steps of 5 up from 20.
  await page.getByTestId('talk-target').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect
    .poll(() => callBackground<Record<string, unknown>>(page, 'getSettings'))
    .toMatchObject({
      keywords: ['1on1', 'キャリア相談'],
      includeMendan: true,
      defaultCadence: 'monthly',
      showNotEvaluationReminder: false,
      talkTargetSelfPercent: 30,
    });
  // A new person starts with the default rhythm.
  const person = await callBackground<{ cadence: string }>(page, 'createPerson', { name: 'Eri' });
  expect(person.cadence).toBe('monthly');
  // Kept after a reload.
  await page.reload();
  await expect(page.getByTestId('keywords')).toHaveValue('1on1\nキャリア相談');
  await expect(page.getByTestId('talk-target')).toHaveValue('30');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  }
});

test('my own prompts and templates reach the notes; deleting all data empties everything', async ({
  page,
  extensionUrl,
}) => {
  const { held } = await seedHistory(page, extensionUrl);
  await page.goto(extensionUrl('options.html'));
  const prompt = page.getByTestId('new-prompt');
  await prompt.getByLabel('Theme').selectOption('career');
  await prompt.getByLabel('Question').fill('What would you like to learn next quarter?');
  await prompt.getByRole('button', { name: 'Add' }).click();
  const template = page.getByTestId('new-template');
  await template.getByLabel('Title').fill('Weekly check');
  await template.getByLabel('Template text').fill('Wins:\nBlockers:\n');
  await template.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('prompt-form')).toHaveCount(1);
  await expect(page.getByTestId('template-form')).toHaveCount(1);

  await page.goto(extensionUrl(`notebook.html#meeting=${held[2]!.id}`));
  await page.locator('details.prompts summary').click();
  await page.getByRole('button', { name: 'Career', exact: true }).click();
  await expect(page.getByTestId('prompt-list')).toContainText(
    'What would you like to learn next quarter?',
  );
  // In the template menu of each note (shared and private).
  await expect(page.getByRole('option', { name: 'Weekly check' }).first()).toBeAttached();

  await page.goto(extensionUrl('options.html'));
  await expect(page.getByTestId('delete-all')).toBeDisabled();
  await page.getByTestId('delete-all-sure').check();
  await page.getByTestId('delete-all').click();
  await expect(page.getByText('All data deleted.')).toBeVisible();
  expect(await callBackground(page, 'listPeople')).toEqual([]);
  expect(await callBackground(page, 'listTemplates')).toEqual([]);
  expect(await callBackground(page, 'search', { query: 'fridays' })).toEqual([]);
});

test('the language can be chosen apart from the browser’s, for every page', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('options.html'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taiwa settings');
  await page.getByLabel('日本語').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taiwa の設定');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  for (const [path, title] of [
    ['popup.html', 'Taiwa（対話）'],
    ['notebook.html', 'Taiwa — 履歴'],
  ] as const) {
    await page.goto(extensionUrl(path));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  }
  // Dates follow the chosen language too (date-fns, Japanese).
  await seedHistory(page, extensionUrl);
  await page.goto(extensionUrl('popup.html'));
  await expect(page.getByTestId('upcoming-row')).toContainText(/\d+月\d+日/);
  await page.goto(extensionUrl('options.html'));
  await page.getByLabel('ブラウザと同じ').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Taiwa settings');
});

test('the shortcuts are declared and shown with their keys', async ({ page, extensionUrl }) => {
  await page.goto(extensionUrl('options.html'));
  const shortcuts = page.getByTestId('shortcuts');
  await expect(shortcuts.locator('div')).toHaveCount(3);
  await expect(shortcuts).toContainText('Open Taiwa');
  await expect(shortcuts.locator('kbd')).toHaveText(['Alt+Shift+O', 'Alt+Shift+K', 'Alt+Shift+S'], {
    useInnerText: true,
  });
});
