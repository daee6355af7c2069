import { browser } from 'wxt/browser';
import { getDb } from './db/database';
import { redoStale } from './db/write';

/**
 * After an update whose schema moved search to its own structure (v8), the structure is built
 * right away rather than on the first search, which would wait for it (seconds, at five years);
 * and at browser start, what an import or a pull cut short left undone is redone.
 */
export function setupSearchUpkeep(): void {
  const redo = () =>
    redoStale(getDb()).catch((error: unknown) =>
      console.warn('Taiwa could not rebuild its search index or figures:', error),
    );
  browser.runtime.onInstalled.addListener(redo);
  browser.runtime.onStartup.addListener(redo);
}
