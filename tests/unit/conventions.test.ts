/**
 * Meta-tests: the project's rules (docs/architecture.md), checked on the source itself so a
 * break fails CI instead of waiting for a review to notice.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { POLICY } from '@/entrypoints/background/api/policy';
import { inputs } from '@/utils/messaging/inputs';

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

/**
 * Every module a file loads at run time, by specifier: imports (`import type` is erased) and
 * re-exports (`export * from`, `export { x } from`), static or dynamic.
 */
function importsOf(text: string): string[] {
  return [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

/** Every module a file depends on, types included: what an import cycle is made of. */
function dependenciesOf(text: string): string[] {
  return [
    ...text.matchAll(/^\s*(?:import|export)\s[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
}

/** The source file a local specifier (`@/…` or relative) names, if it is one of ours. */
function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('@/') && !spec.startsWith('.')) return undefined;
  const base = spec.startsWith('@/') ? spec.slice(2) : normalize(join(dirname(from), spec));
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((p) => byPath.has(p));
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
const byPath = new Map(sources.map((f) => [f.path, f]));

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
    const seen = new Set<string>();
    const queue = [...entries];
    const found: string[] = [];
    while (queue.length) {
      const path = queue.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      for (const spec of importsOf(byPath.get(path)!.text)) {
        if (heavy.test(spec)) found.push(`${path} → ${spec}`);
        const local = resolveLocal(path, spec);
        if (local) queue.push(local);
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
    const used = new Set(
      [...seen].flatMap((path) =>
        [
          ...byPath.get(path)!.text.matchAll(/\b(?:sendMessage|write|act|useLive)\(\s*'(\w+)'/g),
        ].map((m) => m[1]!),
      ),
    );
    // What the background's policy table lets frames send.
    const allowed = new Set(
      Object.entries(POLICY)
        .filter(([, policy]) => policy.from.kinds.includes('embedded-frame'))
        .map(([type]) => type),
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
  it('the policy table gives every message a schema, a sender rule and a handler', () => {
    expect(Object.keys(POLICY).sort()).toEqual(Object.keys(inputs).sort());
    for (const [type, policy] of Object.entries(POLICY)) {
      expect(policy.input, type).toBe(inputs[type as keyof typeof inputs]);
      expect(policy.from.kinds.length, type).toBeGreaterThan(0);
      expect(policy.from.kinds, type).not.toContain('untrusted');
      expect(typeof policy.run, type).toBe('function');
    }
  });

  it('no handler lives outside the policy table: serve() alone listens for messages', () => {
    const listeners = sources.filter(
      (f) =>
        isBackground(f.path) &&
        /\bonMessage\(|runtime\.onMessage\.addListener/.test(f.text) &&
        f.path !== 'entrypoints/background/api/serve.ts',
    );
    expect(listeners.map((f) => f.path)).toEqual([]);
    const handlers = sources.filter(
      (f) => isBackground(f.path) && /:\s*Handler<'/.test(f.text) && !f.path.includes('/api/'),
    );
    expect(handlers.map((f) => f.path)).toEqual([]);
  });

  it('keeps the layout: components are React components, hooks live in hooks/', () => {
    const misplaced = sources.filter(
      (f) =>
        (f.path.startsWith('components/') && !f.path.endsWith('.tsx')) ||
        (f.path.startsWith('hooks/') && !/^hooks\/use-[\w-]+\.ts$/.test(f.path)) ||
        (!f.path.startsWith('hooks/') && /(^|\/)use-[\w-]+\.tsx?$/.test(f.path)),
    );
    expect(misplaced.map((f) => f.path)).toEqual([]);
  });

  it('early-start runs before React, so nothing it loads imports React', () => {
    const { found, seen } = heavyImports(['entrypoints/early-start.ts'], /^react(-dom)?(\/|$)/);
    expect(found).toEqual([]);
    expect(seen).toContain('utils/pages/notebook-link.ts');
  });

  it('has no import cycles (types included)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (path: string, trail: string[]) => {
      if (state.get(path) === 'done') return;
      if (state.get(path) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(path)), path].join(' → '));
        return;
      }
      state.set(path, 'open');
      for (const spec of dependenciesOf(byPath.get(path)!.text)) {
        const local = resolveLocal(path, spec);
        if (local) visit(local, [...trail, path]);
      }
      state.set(path, 'done');
    };
    for (const path of byPath.keys()) visit(path, []);
    expect(cycles).toEqual([]);
    // The walk follows relative imports and re-exports too.
    expect(resolveLocal('entrypoints/background/db/database.ts', './rows')).toBe(
      'entrypoints/background/db/rows.ts',
    );
  });
});
