import { describe, expect, it } from 'vitest';
import { selfShare } from '@/utils/domain/talk-share';
import { talkVerdict } from '@/utils/domain/talk-target';

describe('selfShare', () => {
  it('is the user’s part of everything said, in percent', () => {
    expect(selfShare(20_000, 80_000)).toBe(20);
    expect(selfShare(1, 2)).toBeCloseTo(33.333, 3);
    expect(selfShare(0, 5_000)).toBe(0);
    expect(selfShare(5_000, 0)).toBe(100);
  });

  it('is null when nothing was heard or measured, never 0% or NaN', () => {
    expect(selfShare(0, 0)).toBeNull();
    expect(selfShare(null, null)).toBeNull();
    expect(selfShare(undefined, undefined)).toBeNull();
  });

  it('counts a missing side as silence', () => {
    expect(selfShare(null, 3_000)).toBe(0);
    expect(selfShare(3_000, null)).toBe(100);
  });

  it('keeps a share of exactly half a point exact, so it rounds up in every view', () => {
    // self / total * 100 gives 57.49999999999999 and 28.499999999999996 here.
    expect(selfShare(23, 17)).toBe(57.5);
    expect(Math.round(selfShare(23, 17)!)).toBe(58);
    expect(selfShare(57, 143)).toBe(28.5);
    expect(Math.round(selfShare(57, 143)!)).toBe(29);
  });

  it('gives the live meter the share the history shows', () => {
    const talk = { selfMs: 23_000, othersMs: 17_000, measurable: true };
    expect(talkVerdict(talk, 80).selfPercent).toBe(58);
  });
});
