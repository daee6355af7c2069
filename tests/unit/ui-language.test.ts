import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { languageItem } from '@/utils/settings-language';

/** The page modules keep the chosen language in module state: a fresh copy per test. */
async function freshModules() {
  vi.resetModules();
  const language = await import('@/utils/pages/ui-language');
  const locale = await import('@/utils/pages/locale');
  return { ...language, ...locale };
}

function browserSpeaks(lang: string) {
  fakeBrowser.i18n.getUILanguage = () => lang;
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string[]) =>
    `browser:${name}${subs?.length ? `:${subs.join(',')}` : ''}`) as never;
}

afterEach(() => vi.unstubAllGlobals());

describe('substitute', () => {
  it('follows Chrome’s messages.json rules', async () => {
    const { substitute } = await freshModules();
    expect(substitute('Version $1', ['0.1'])).toBe('Version 0.1');
    expect(substitute('$2 から $1 件', ['3', 'a.json'])).toBe('a.json から 3 件');
    expect(substitute('costs $$5, $1', ['now'])).toBe('costs $5, now');
    expect(substitute('missing $3')).toBe('missing ');
  });
});

describe('the language choice', () => {
  it('follows the browser on auto, and answers in the chosen language otherwise', async () => {
    browserSpeaks('en-US');
    let page = await freshModules();
    await page.applyLanguageChoice();
    expect(page.uiLanguage()).toBe('en');
    expect(fakeBrowser.i18n.getMessage('popup_title')).toBe('browser:popup_title');

    await languageItem.setValue('ja');
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(
        JSON.stringify({
          popup_title: { message: 'Taiwa（対話）' },
          common_version: { message: 'バージョン $1' },
        }),
      );
    });
    page = await freshModules();
    await page.applyLanguageChoice();
    expect(page.uiLanguage()).toBe('ja');
    expect(fetched).toEqual([expect.stringMatching(/\/_locales\/ja\/messages\.json$/)]);
    expect(fakeBrowser.i18n.getMessage('popup_title')).toBe('Taiwa（対話）');
    expect(fakeBrowser.i18n.getMessage('common_version', ['0.1'])).toBe('バージョン 0.1');
    // A key the file lacks falls back to the browser's own answer.
    expect(fakeBrowser.i18n.getMessage('other_key')).toBe('browser:other_key');
    // Dates follow the choice (date-fns, Japanese).
    expect(page.shortDate(new Date(2025, 2, 3).getTime(), new Date(2026, 0, 1).getTime())).toBe(
      '2025年3月3日',
    );
    expect(page.monthLabel(new Date(2026, 2, 1).getTime())).toBe('2026年3月');
  });

  it('reads no file when the choice is the browser’s own language', async () => {
    browserSpeaks('ja');
    await languageItem.setValue('ja');
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const page = await freshModules();
    await page.applyLanguageChoice();
    expect(page.uiLanguage()).toBe('ja');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('date and number formatting', () => {
  it('speaks English dates and numbers', async () => {
    browserSpeaks('en-US');
    const page = await freshModules();
    const now = new Date(2026, 10, 24, 12).getTime();
    expect(page.shortDate(new Date(2026, 10, 3).getTime(), now)).toBe('Nov 3');
    expect(page.shortDate(new Date(2025, 2, 3).getTime(), now)).toBe('Mar 3, 2025');
    expect(page.shortDateTime(new Date(2026, 10, 24, 10, 0).getTime())).toBe(
      'Tue, Nov 24, 10:00 AM',
    );
    expect(page.ago(now - 12 * 86_400_000, now)).toBe('12 days ago');
    expect(page.ago(now + 3 * 86_400_000, now)).toBe('in 3 days');
    expect(page.monthTick(new Date(2026, 2, 1).getTime())).toBe('Mar');
    expect(page.monthTick(new Date(2026, 0, 1).getTime())).toBe('Jan 2026');
    expect(page.formatNumber(1234.56)).toBe('1,234.6');
  });

  it('speaks Japanese dates', async () => {
    browserSpeaks('ja');
    const page = await freshModules();
    const now = new Date(2026, 10, 24, 12).getTime();
    expect(page.shortDateTime(new Date(2026, 10, 24, 10, 0).getTime())).toBe('11月24日(火) 10:00');
    expect(page.ago(now - 12 * 86_400_000, now)).toBe('12日前');
    expect(page.monthTick(new Date(2026, 2, 1).getTime())).toBe('3月');
  });
});
