import { browser } from 'wxt/browser';
import { activeKeywords } from '@/utils/domain/classify';
import { sendToHost } from '@/utils/messaging/host-protocol';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@/utils/settings';
import { getDb } from './db/database';
import { META_KEYS } from './db/meta-keys';
import { notifyChanged } from './changes';

const KEY = META_KEYS.settings;
const listeners = new Set<() => void>();
/** Settings an older version left in `storage.local` are moved before anything reads them. */
let moved: Promise<void> = Promise.resolve();

/**
 * The user's settings, kept in the background's database: keywords and the like are words the
 * user typed, and `storage.local` (where they were until 2026-12) is readable by every content
 * script. Anything missing or invalid is replaced by its default.
 */
export async function readSettings(): Promise<Settings> {
  await moved;
  return parseSettings((await getDb().meta.get(KEY))?.value);
}

export async function writeSettings(next: Settings): Promise<void> {
  await getDb().meta.put({ key: KEY, value: next });
  for (const listener of listeners) listener();
}

/** Calls `fn` after every change of the settings (e.g. to re-classify with new keywords). */
export function onSettingsChanged(fn: () => void): void {
  listeners.add(fn);
}

/** Moves settings an older version kept in `storage.local` into the database, once. */
export function moveLegacySettings(): Promise<void> {
  moved = moveLegacy().catch((error: unknown) =>
    console.warn('Taiwa could not move its settings:', error),
  );
  return moved;
}

async function moveLegacy(): Promise<void> {
  const { [KEY]: legacy } = await browser.storage.local.get(KEY);
  if (legacy === undefined) return;
  if (!(await getDb().meta.get(KEY))) {
    await getDb().meta.put({ key: KEY, value: { ...DEFAULT_SETTINGS, ...parseSettings(legacy) } });
  }
  await browser.storage.local.remove(KEY);
}

/**
 * Moves old settings once; when settings change, tells open views (the `settings` topic) and
 * sends the Calendar tabs their new title keywords (they filter the grid's chips by them).
 */
export function setupSettings(): void {
  void moveLegacySettings();
  onSettingsChanged(() => {
    notifyChanged(['settings']);
    void sendTitleKeywords();
  });
}

async function sendTitleKeywords(): Promise<void> {
  const keywords = activeKeywords(await readSettings());
  const tabs = await browser.tabs.query({ url: 'https://calendar.google.com/*' });
  await Promise.all(
    tabs.map(({ id }) =>
      id === undefined
        ? null
        : sendToHost('titleKeywords', keywords, { tabId: id, frameId: 0 }).catch(() => undefined),
    ),
  );
}
