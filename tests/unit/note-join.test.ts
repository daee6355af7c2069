import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '@/utils/domain/hlc';
import { joinNoteTexts, noteJoinMarker } from '@/utils/domain/merge';

const ROOT = join(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = ['entrypoints', 'components', 'hooks', 'utils']
  .flatMap((dir) => walk(join(ROOT, dir)))
  .filter((path) => /\.tsx?$/.test(path))
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

describe('the note-join marker', () => {
  const clock = encodeHlc({ wall: Date.UTC(2026, 11, 2, 6, 5, 42), counter: 3, deviceId: 'dev' });

  it('says, in both languages, that the text below came from elsewhere and when (UTC)', () => {
    expect(noteJoinMarker(clock)).toBe(
      '――― 別の端末での編集 / Edited on another device (2026-12-02 06:05 UTC) ―――',
    );
  });

  it('stands on its own line between the two texts', () => {
    expect(joinNoteTexts('mine', 'theirs', noteJoinMarker(clock))).toBe(
      'mine\n\n――― 別の端末での編集 / Edited on another device (2026-12-02 06:05 UTC) ―――\ntheirs',
    );
  });

  it('is the only marker: every join of note texts uses it, and its words live in one place', () => {
    const joins = sources.flatMap((f) =>
      [...f.text.matchAll(/joinNoteTexts\(([^;]*?)\);/gs)].map((m) => ({
        path: f.path,
        call: m[1]!,
      })),
    );
    // Sync's concurrent edits, twin notes folded into one, a draft over a note that moved on.
    expect(joins.map((j) => j.path).sort()).toEqual([
      'entrypoints/background/note-drafts.ts',
      'entrypoints/background/sync/apply.ts',
      'entrypoints/background/sync/twins.ts',
    ]);
    expect(joins.filter((j) => !/,\s*noteJoinMarker\(/.test(j.call))).toEqual([]);
    const worded = sources.filter((f) => /Edited on another device|別の端末での編集/.test(f.text));
    expect(worded.map((f) => f.path)).toEqual(['utils/domain/merge.ts']);
  });
});
