/**
 * The key of the UI language choice in `storage.local` (settings-language.ts), apart, so a page
 * can read it before it loads the storage library (the popup's early script, pages/snapshot.ts).
 */
export const LANGUAGE_KEY = 'uiLanguage';
