import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { markReady, READY_MARKS } from '@/utils/pages/mark-ready';

const marks = (name: string) =>
  performance.getEntriesByName(name, 'mark').map((m) => (m as PerformanceMark).detail as unknown);

beforeEach(() => performance.clearMarks());

describe('markReady', () => {
  it('marks the view as ready, naming what it shows', () => {
    markReady('prepPanel', 'event-1');
    expect(marks('taiwa:prep-ready')).toEqual(['event-1']);
  });

  it('replaces the view’s previous mark, so a reader finds the latest thing shown', () => {
    markReady('notesSidebar', 'meeting-1');
    markReady('notesSidebar', null);
    markReady('person', 'p1');
    expect(marks('taiwa:sidebar-ready')).toEqual([null]);
    expect(marks('taiwa:person-ready')).toEqual(['p1']);
  });

  it('with once, keeps the first mark of the page’s life', () => {
    markReady('popup', null, { once: true });
    const first = performance.getEntriesByName('taiwa:popup-ready', 'mark')[0]!.startTime;
    markReady('popup', null, { once: true });
    const all = performance.getEntriesByName('taiwa:popup-ready', 'mark');
    expect(all).toHaveLength(1);
    expect(all[0]!.startTime).toBe(first);
  });

  it('uses exactly the names the benchmarks wait for', () => {
    const bench = join(import.meta.dirname, '../../bench');
    const waited = new Set(
      readdirSync(bench)
        .filter((name) => name.endsWith('.mjs'))
        .flatMap((name) => [
          // bench/marks.mjs markAt(page, host, name, detail); bench/views.mjs markTime(page, name…)
          // and markTimeIfSet(page, name)
          ...readFileSync(join(bench, name), 'utf8').matchAll(
            /\bmark(?:At|Time|TimeIfSet)\([^)]*'(taiwa:[a-z-]+)'/g,
          ),
        ])
        .map((m) => m[1]!),
    );
    expect([...waited].sort()).toEqual(Object.values(READY_MARKS).sort());
  });
});
