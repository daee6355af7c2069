import { browser } from 'wxt/browser';
import { languageItem } from '@/utils/settings-language';

type Messages = Record<string, { message: string } | undefined>;

let chosen: 'ja' | 'en' | null = null;

const browserLanguage = (): 'ja' | 'en' =>
  browser.i18n.getUILanguage().startsWith('ja') ? 'ja' : 'en';

/** The UI language: the one chosen in the options, else the one the browser runs in. */
export function uiLanguage(): 'ja' | 'en' {
  return chosen ?? browserLanguage();
}

/** Chrome's placeholder rules for messages.json: `$1`…`$9` are substitutions, `$$` is a dollar. */
export function substitute(message: string, subs: readonly string[] = []): string {
  return message.replace(/\$(\$|[1-9])/g, (_, mark: string) =>
    mark === '$' ? '$' : (subs[Number(mark) - 1] ?? ''),
  );
}

/**
 * Applies the language chosen in the options before a page renders. `chrome.i18n` always answers
 * in the browser's language, so when the user picked the other one, its messages.json (bundled,
 * read from the extension itself) answers instead: every `i18n.t()` call then speaks it.
 */
export async function applyLanguageChoice(): Promise<void> {
  const stored = await languageItem.getValue();
  if (stored !== 'ja' && stored !== 'en') return;
  chosen = stored;
  if (stored === browserLanguage()) return;
  // The bundled locale files are not in WXT's list of public paths, hence the widened type.
  const url = (browser.runtime.getURL as (path: string) => string)(
    `/_locales/${stored}/messages.json`,
  );
  const response = await fetch(url);
  const messages = (await response.json()) as Messages;
  const original = browser.i18n.getMessage.bind(browser.i18n) as (
    name: string,
    subs?: string | string[],
  ) => string;
  browser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    const message = messages[name]?.message;
    if (message === undefined) return original(name, subs);
    return substitute(message, typeof subs === 'string' ? [subs] : subs);
  }) as typeof browser.i18n.getMessage;
}
