import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { activeKeywords, keywordMatcher } from '@/utils/domain/classify';

/** Where utils/settings.ts keeps the settings (`local:settings`), read without its zod schema. */
const SETTINGS_KEY = 'settings';

/**
 * Whether a title names a 1on1, by the user's keywords, kept current. Read here so the grid's chips can be filtered
 * before anything is parsed or sent: a busy month re-renders hundreds of chips at a time.
 * Anything malformed in storage falls back to the defaults, as the background does.
 */
export function watchOneOnOneTitles(ctx: ContentScriptContext): (title: string) => boolean {
  let matches = keywordMatcher(activeKeywords({ keywords: [], includeMendan: false }));
  const read = (stored: unknown) => {
    const value = (stored ?? {}) as { keywords?: unknown; includeMendan?: unknown };
    const list = Array.isArray(value.keywords)
      ? value.keywords.filter((k): k is string => typeof k === 'string')
      : [];
    matches = keywordMatcher(
      activeKeywords({ keywords: list, includeMendan: value.includeMendan === true }),
    );
  };
  void browser.storage.local.get(SETTINGS_KEY).then((items) => read(items[SETTINGS_KEY]));
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) read(changes[SETTINGS_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  return (title) => matches(title);
}
