import { activeKeywords } from '@/utils/domain/classify';
import { FROM_CALENDAR, FROM_PAGES, handle } from './handle';
import { moveLegacySettings, readSettings, writeSettings } from './settings-store';

/** Settings are changed only through the background, validated like every other write. */
export function setupSettingsApi(): void {
  void moveLegacySettings();
  handle('getSettings', FROM_PAGES, () => readSettings());
  handle('saveSettings', FROM_PAGES, async (patch) => {
    const next = { ...(await readSettings()), ...patch };
    await writeSettings(next);
    return next;
  });
  // The Calendar tab filters grid chips by the keywords: it asks, it never reads storage.
  handle('getTitleKeywords', FROM_CALENDAR, async () => activeKeywords(await readSettings()));
}
