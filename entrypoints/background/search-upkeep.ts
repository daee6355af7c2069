import { browser } from 'wxt/browser';
import { getDb } from './db/database';
import { ensureSearchIndex } from './db/search-index';

/**
 * After an update whose schema moved search to its own structure (v8), the structure is built
 * right away rather than on the first search, which would wait for it (seconds, at five years).
 */
export function setupSearchUpkeep(): void {
  browser.runtime.onInstalled.addListener(() => {
    ensureSearchIndex(getDb()).catch((error: unknown) =>
      console.warn('Taiwa: the search index could not be rebuilt', error),
    );
  });
}
