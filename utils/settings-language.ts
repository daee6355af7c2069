import { storage } from 'wxt/utils/storage';
import { LANGUAGE_KEY } from './language-key';

/**
 * The UI language choice is kept in its own storage item, apart from the settings object, so every
 * page can read it before it renders without loading the settings schema (zod).
 */
export const LANGUAGE_CHOICES = ['auto', 'ja', 'en'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The UI language the user chose in the options ('auto': the browser's). */
export const languageItem = storage.defineItem<LanguageChoice>(`local:${LANGUAGE_KEY}`, {
  fallback: 'auto',
});
