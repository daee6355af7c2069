import { test as base, expect, type BrowserContext, type Worker } from '@playwright/test';
import { launchWithExtension, serveGoogleFixtures } from '../harness/browser.mjs';

interface Fixtures {
  /** Browser UI language, which chrome.i18n (and so every Taiwa string) follows. */
  language: 'en' | 'ja';
  extension: { context: BrowserContext; worker: Worker; extensionId: string };
  extensionId: string;
  /** `chrome-extension://<id>/<path>` for one of Taiwa's pages. */
  extensionUrl: (path: string) => string;
}

/**
 * Each test gets a fresh Chromium profile with the built extension loaded and Google's origins
 * served from tests/fixtures, so content scripts inject exactly as they do on the real sites.
 */
export const test = base.extend<Fixtures>({
  language: ['en', { option: true }],
  extension: async ({ language }, use) => {
    const extension = await launchWithExtension({ language });
    await serveGoogleFixtures(extension.context);
    await use(extension);
    await extension.context.close();
  },
  context: async ({ extension }, use) => use(extension.context),
  page: async ({ context }, use) => use(context.pages()[0] ?? (await context.newPage())),
  extensionId: async ({ extension }, use) => use(extension.extensionId),
  extensionUrl: async ({ extensionId }, use) =>
    use((path) => `chrome-extension://${extensionId}/${path}`),
});

export { expect };
