import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built extension in a real Chromium, Google's origins routed to the
 * fixture pages in tests/fixtures. Each test gets its own browser profile (see tests/e2e/extension.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: { trace: 'retain-on-failure' },
});
