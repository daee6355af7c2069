import { expect, test } from './extension';

const STRINGS = {
  en: { lang: 'en', popup: 'Taiwa', options: 'Taiwa settings', notebook: 'Taiwa — history' },
  ja: { lang: 'ja', popup: 'Taiwa（対話）', options: 'Taiwa の設定', notebook: 'Taiwa — 履歴' },
} as const;

for (const language of ['en', 'ja'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });
    const expected = STRINGS[language];

    test('the popup, options and notebook pages render', async ({ page, extensionUrl }) => {
      for (const [path, title] of [
        ['popup.html', expected.popup],
        ['options.html', expected.options],
        ['notebook.html', expected.notebook],
      ] as const) {
        await page.goto(extensionUrl(path));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(page.locator('html')).toHaveAttribute('lang', expected.lang);
        await expect(page).toHaveTitle(title);
        await expect(page.getByTestId('background-status')).toHaveAttribute('data-state', 'ok');
      }
    });

    test('the manifest name is localised', async ({ extension }) => {
      // The manifest says __MSG_extName__; the browser resolves it from _locales in its language.
      const name = await extension.worker.evaluate(() =>
        (chrome.i18n.getMessage as (key: string) => string)('extName'),
      );
      expect(name).toContain(language === 'ja' ? '対話' : '1on1 notes');
    });
  });
}

test('the popup opens the notebook by keyboard, then closes', async ({
  page,
  context,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('popup.html'));
  await page.getByRole('button', { name: 'History and people' }).focus();
  const [notebook] = await Promise.all([
    context.waitForEvent('page'),
    page.waitForEvent('close'),
    // The popup closes itself as the key is handled, which may end the press early.
    page.keyboard.press('Enter').catch((error: Error) => {
      if (!page.isClosed()) throw error;
    }),
  ]);
  await expect(notebook).toHaveURL(extensionUrl('notebook.html'));
  await expect(notebook.getByRole('heading', { level: 1 })).toHaveText('Taiwa — history');
});
