import { activeKeywords } from '@/utils/domain/classify';
import { readSettings, writeSettings } from '../settings-store';
import type { Handler } from './serve';

/* Settings are changed only through the background, validated like every other write. */

export const getSettings: Handler<'getSettings'> = () => readSettings();

export const saveSettings: Handler<'saveSettings'> = async (patch) => {
  const next = { ...(await readSettings()), ...patch };
  await writeSettings(next);
  return next;
};

/** The Calendar tab filters grid chips by the keywords: it asks, it never reads storage. */
export const getTitleKeywords: Handler<'getTitleKeywords'> = async () =>
  activeKeywords(await readSettings());
