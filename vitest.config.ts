import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Frames load about: pages only (unit tests have no network); happy-dom logs every refused load.
    environmentOptions: { happyDOM: { settings: { enableIframePageLoading: true } } },
    // IndexedDB for Dexie, loaded before any test imports it.
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    restoreMocks: true,
  },
});
