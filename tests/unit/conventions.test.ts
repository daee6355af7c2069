/**
 * Meta-tests: the project's rules from ../shared/DESIGN.md, checked on the source itself so a
 * break fails CI instead of waiting for a review to notice.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'hooks', 'utils'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = SOURCE_DIRS.flatMap((dir) => walk(join(ROOT, dir)))
  .filter((path) => /\.tsx?$/.test(path))
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** Every module a file imports at run time, by specifier (`import type` is erased). */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^\s*import\s+(?!type\s)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** A locale file as flat `a.b` keys, the way i18n.t() names them. */
function loadMessages(lang: string): Record<string, string> {
  const flatten = (obj: object, prefix = ''): [string, string][] =>
    Object.entries(obj).flatMap(([key, value]) =>
      typeof value === 'object' && value
        ? flatten(value as object, `${prefix}${key}.`)
        : [[`${prefix}${key}`, String(value)] as [string, string]],
    );
  return Object.fromEntries(
    flatten(parse(readFileSync(join(ROOT, `locales/${lang}.yml`), 'utf8'))),
  );
}

const messages = { en: loadMessages('en'), ja: loadMessages('ja') };

const isBackground = (path: string) => path.startsWith('entrypoints/background/');
const isContentScriptEntry = (path: string) =>
  /^entrypoints\/[^/]+\.content(\/index\.ts|\.ts)$/.test(path);

describe('conventions', () => {
  it('finds the source files it checks', () => {
    expect(sources.some((f) => isBackground(f.path))).toBe(true);
    expect(sources.filter((f) => isContentScriptEntry(f.path))).toHaveLength(2);
  });

  it('only background code imports Dexie or anything of the background', () => {
    const offenders = sources.filter(
      (f) =>
        !isBackground(f.path) &&
        importsOf(f.text).some((m) => m === 'dexie' || /entrypoints\/background(\/|$)/.test(m)),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  /** Every heavy module `entries` load at run time, following local imports; and what was read. */
  function heavyImports(entries: string[], heavy: RegExp) {
    const byPath = new Map(sources.map((f) => [f.path, f]));
    const seen = new Set<string>();
    const queue = [...entries];
    const found: string[] = [];
    while (queue.length) {
      const path = queue.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      for (const spec of importsOf(byPath.get(path)!.text)) {
        if (heavy.test(spec)) found.push(`${path} → ${spec}`);
        if (spec.startsWith('@/') || spec.startsWith('.')) {
          const base = spec.startsWith('@/') ? spec.slice(2) : normalize(join(dirname(path), spec));
          const local = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) =>
            byPath.has(p),
          );
          if (local) queue.push(local);
        }
      }
    }
    return { found, seen };
  }

  it('content scripts and what they import stay free of React, Dexie and zod', () => {
    const entries = sources.filter((f) => isContentScriptEntry(f.path)).map((f) => f.path);
    const { found, seen } = heavyImports(entries, /^(react|react-dom|dexie|zod)(\/|$)/);
    expect(found).toEqual([]);
    // The walk reaches the parsers, so a heavy import there would be caught too.
    expect(seen).toContain('utils/google/calendar/selectors.ts');
  });

  // date-fns is allowed since dates are formatted with it everywhere (~25 kB with both locales;
  // the panel and sidebar benchmarks were re-run with it, docs/benchmarks.md).
  it('the prep panel and the notes sidebar load no zod or Dexie: they must be quick', () => {
    for (const [entry, reached] of [
      ['entrypoints/prep-panel/main.tsx', 'components/meeting/agenda-editor.tsx'],
      ['entrypoints/notes-sidebar/main.tsx', 'components/meeting/wrap-up.tsx'],
    ] as const) {
      const { found, seen } = heavyImports([entry], /^(dexie|zod)(\/|$)/);
      expect(found).toEqual([]);
      expect(seen).toContain(reached);
    }
  });

  it.each([
    ['utils/google/calendar/selectors.ts', '[data-eventid]'],
    ['utils/google/meet/selectors.ts', '[data-participant-id]'],
  ])(
    'names the UI variant each Google selector targets, in a comment above it (%s)',
    (path, hook) => {
      const file = sources.find((f) => f.path === path)!;
      const uncommented: string[] = [];
      let commented = false;
      for (const line of file.text.split('\n')) {
        const trimmed = line.trim();
        if (/^(\/\/|\/\*\*|\*)/.test(trimmed)) commented = true;
        else if (/^(\w+: )?\[?'[^']+',?$/.test(trimmed)) {
          if (!commented) uncommented.push(trimmed);
        } else commented = false;
      }
      expect(file.text).toContain(hook);
      expect(uncommented).toEqual([]);
    },
  );

  it('the frames in Google tabs may send exactly the messages their code uses, and no admin one', () => {
    const entries = ['entrypoints/prep-panel/main.tsx', 'entrypoints/notes-sidebar/main.tsx'];
    const { seen } = heavyImports(entries, /^$/);
    const byPath = new Map(sources.map((f) => [f.path, f.text]));
    const used = new Set(
      [...seen].flatMap((path) =>
        [...byPath.get(path)!.matchAll(/\b(?:sendMessage|write|act)\(\s*'(\w+)'/g)].map(
          (m) => m[1]!,
        ),
      ),
    );
    // What the background lets frames send: handle('<type>', FROM_VIEWS | [... 'embedded-frame' ...]).
    const allowed = new Set(
      sources
        .filter((f) => isBackground(f.path))
        .flatMap((f) => [
          ...f.text.matchAll(
            /handle\(\s*'(\w+)',\s*(FROM_VIEWS|\[[^\]]*'embedded-frame'[^\]]*\])/g,
          ),
        ])
        .map((m) => m[1]!),
    );
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((type) => !allowed.has(type))).toEqual([]);
    expect([...allowed].filter((type) => !used.has(type))).toEqual([]);
    for (const admin of [
      'deleteAll',
      'deletePerson',
      'saveSettings',
      'getSettings',
      'exportPersonJson',
    ]) {
      expect(allowed.has(admin), admin).toBe(false);
    }
  });

  it('observes the DOM only through observeMutations, which takes an abort signal', () => {
    const offenders = sources.filter(
      (f) => /new MutationObserver/.test(f.text) && f.path !== 'utils/dom/observe-mutations.ts',
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('never touches audio, the camera or recording (talk time comes from the indicators only)', () => {
    const offenders = sources.filter((f) =>
      /getUserMedia|getDisplayMedia|AudioContext|MediaRecorder|captureStream|createMediaStreamSource|chrome\.tabCapture/.test(
        f.text,
      ),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('never writes raw HTML (titles and names are hostile input)', () => {
    const offenders = sources.filter((f) =>
      /innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(
        f.text,
      ),
    );
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('has every string in both Japanese and English', () => {
    expect(Object.keys(messages.ja).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, text] of Object.entries(messages.ja)) {
      expect(text.trim(), key).not.toBe('');
      // Placeholders ($1, $2…) must match, or a substitution silently disappears in one language.
      expect(text.match(/\$\d/g)?.sort(), key).toEqual(messages.en[key]!.match(/\$\d/g)?.sort());
    }
  });

  it('uses only message keys that exist', () => {
    const used = sources.flatMap((f) =>
      [...f.text.matchAll(/i18n\.t\('([\w.]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((key) => !(key in messages.en))).toEqual([]);
  });
});
