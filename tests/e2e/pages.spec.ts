import { expect, test } from './extension';
import { seedHistory } from './seed';

const STRINGS = {
  en: {
    lang: 'en',
    popup: 'Taiwa',
    options: 'Taiwa settings',
    notebook: 'Taiwa — history',
    popupHeadings: ['Next 7 days', 'Needs attention', 'What I promised', 'New 1on1 note'],
    personHeadings: ['Profile', 'Goals', 'Over time', 'Action items', 'Every 1on1', 'Export'],
    practice: 'My 1on1 practice',
    optionsHeadings: ['Recognising 1on1s', 'Meetings', 'Backup and restore', 'Privacy'],
    date: /[A-Z][a-z]{2}, [A-Z][a-z]{2} \d+/,
  },
  ja: {
    lang: 'ja',
    popup: 'Taiwa（対話）',
    options: 'Taiwa の設定',
    notebook: 'Taiwa — 履歴',
    popupHeadings: ['今後7日間', '気にかけたい人', '自分が約束したこと', '新しい1on1メモ'],
    personHeadings: [
      'プロフィール',
      '目標',
      '推移',
      'アクションアイテム',
      'すべての1on1',
      'エクスポート',
    ],
    practice: '自分の1on1の振り返り',
    optionsHeadings: ['1on1 の判定', 'ミーティング', 'バックアップと復元', 'プライバシー'],
    date: /\d+月\d+日\([日月火水木金土]\)/,
  },
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

    test('every view with data speaks the language, dates included', async ({
      page,
      extensionUrl,
    }) => {
      const { aiko } = await seedHistory(page, extensionUrl);
      await page.goto(extensionUrl('popup.html'));
      for (const heading of expected.popupHeadings) {
        await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      }
      await expect(page.getByTestId('upcoming-row')).toContainText(expected.date);
      await page.goto(extensionUrl(`notebook.html#person=${aiko.id}`));
      for (const heading of expected.personHeadings) {
        await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      }
      await expect(page.getByTestId('timeline-meeting').first()).toContainText(expected.date);
      await page.goto(extensionUrl('notebook.html#practice'));
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(expected.practice);
      await page.goto(extensionUrl('options.html'));
      for (const heading of expected.optionsHeadings) {
        await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
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
