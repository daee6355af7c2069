import { browser } from 'wxt/browser';

/** The UI language: the one chrome.i18n picked Taiwa's strings in. */
export function uiLanguage(): 'ja' | 'en' {
  return browser.i18n.getUILanguage().startsWith('ja') ? 'ja' : 'en';
}
