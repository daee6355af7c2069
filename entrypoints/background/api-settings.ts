import { readSettings, settingsItem } from '@/utils/settings';
import { FROM_PAGES, handle } from './handle';

/** Settings are changed only through the background, validated like every other write. */
export function setupSettingsApi(): void {
  handle('getSettings', FROM_PAGES, () => readSettings());
  handle('saveSettings', FROM_PAGES, async (patch) => {
    const next = { ...(await readSettings()), ...patch };
    await settingsItem.setValue(next);
    return next;
  });
}
