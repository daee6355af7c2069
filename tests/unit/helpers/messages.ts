import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parse } from 'yaml';

/** The messages of a locale as the browser holds them (`a_b` names for `i18n.t('a.b')`). */
function messages(lang: 'en' | 'ja'): Record<string, string> {
  const flatten = (obj: object, prefix = ''): [string, string][] =>
    Object.entries(obj).flatMap(([key, value]) =>
      typeof value === 'object' && value
        ? flatten(value as object, `${prefix}${key}_`)
        : [[`${prefix}${key}`, String(value)] as [string, string]],
    );
  const file = join(import.meta.dirname, `../../../locales/${lang}.yml`);
  return Object.fromEntries(flatten(parse(readFileSync(file, 'utf8')) as object));
}

/** Makes the fake browser answer i18n with the real texts of `lang`, placeholders filled. */
export function useMessages(lang: 'en' | 'ja' = 'en'): void {
  const all = messages(lang);
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) => {
    const list = typeof subs === 'string' ? [subs] : (subs ?? []);
    return (all[name] ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  }) as never;
}
