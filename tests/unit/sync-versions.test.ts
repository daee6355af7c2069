// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { encodeHlc, isAcceptableClock, MAX_CLOCK_AHEAD_MS } from '@/utils/domain/hlc';
import {
  isOlderThanSeen,
  judgeRemote,
  laterSeen,
  versionOf,
  type Clocked,
} from '@/utils/domain/merge';

const NOW = 1_790_000_000_000;
const at = (wall: number, counter = 0, deviceId = 'dev-a') =>
  encodeHlc({ wall, counter, deviceId });
const [T1, T2, T3, T4] = [at(NOW - 4000), at(NOW - 3000), at(NOW - 2000), at(NOW - 1000)];

function copy(hlc: string, fields: Partial<Clocked> = {}): Clocked {
  return { hlc, fieldHlc: { name: hlc }, deviceId: 'dev-a', deleted: 0, ...fields };
}

/** A deletion made at `deletedAt`, carried by a copy whose latest clock is `hlc`. */
const tombstone = (hlc: string, deletedAt = hlc) =>
  copy(hlc, { deleted: 1, fieldHlc: { name: deletedAt, deleted: deletedAt } });

describe('clocks from other devices', () => {
  it('are taken when well-formed and at most a day ahead of this one', () => {
    expect(isAcceptableClock(T1, NOW)).toBe(true);
    expect(isAcceptableClock(at(NOW + MAX_CLOCK_AHEAD_MS), NOW)).toBe(true);
    expect(isAcceptableClock(at(NOW, 0, '5b0c6f9e-2f7a-4f5e-9a51-0c7f8f1f2b3c'), NOW)).toBe(true);
  });

  it('are refused when malformed or more than a day ahead', () => {
    for (const bad of [
      'z',
      '',
      'NaN:00000:d',
      `${NOW}:00000:d`, // 13 digits: would order before every real clock
      `${String(NOW).padStart(15, '0')}:0:d`,
      `${String(NOW).padStart(15, '0')}:00000:`,
      `${String(NOW).padStart(15, '0')}:00000:dev a`,
      `${T1}\n`,
      at(NOW + MAX_CLOCK_AHEAD_MS + 1),
    ]) {
      expect(isAcceptableClock(bad, NOW), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('what a device has seen on the server', () => {
  it('makes a copy with an older clock a rollback, and one as new or newer not', () => {
    const seen = versionOf(copy(T2));
    expect(isOlderThanSeen(copy(T1), seen)).toBe(true);
    expect(isOlderThanSeen(copy(T2, { fieldHlc: { name: T1 } }), seen)).toBe(false);
    expect(isOlderThanSeen(copy(T3), seen)).toBe(false);
    expect(isOlderThanSeen(copy(T1), undefined)).toBe(false);
  });

  it('keeps a seen deletion deleted: a live copy at the same clock is older, unless revived later', () => {
    // An edit at T3 met a deletion made at T2: the deletion won, under the edit's clock.
    const seen = versionOf(tombstone(T3, T2));
    expect(seen).toEqual({ hlc: T3, deletedAt: T2 });
    expect(isOlderThanSeen(copy(T3), seen)).toBe(true);
    expect(isOlderThanSeen(copy(T2), seen)).toBe(true);
    expect(isOlderThanSeen(tombstone(T3, T1), seen)).toBe(false);
    // Revived (an import) after the deletion, on a device that had not seen the edit.
    const revived = copy(T3, { fieldHlc: { name: T3, deleted: T2.replace('dev-a', 'dev-b') } });
    expect(isOlderThanSeen(revived, seen)).toBe(false);
    expect(isOlderThanSeen(copy(T4), seen)).toBe(false);
  });

  it('only moves forward', () => {
    const live = versionOf(copy(T2));
    const deleted = versionOf(tombstone(T2));
    expect(laterSeen(undefined, live)).toEqual(live);
    expect(laterSeen(live, versionOf(copy(T1)))).toEqual(live);
    expect(laterSeen(live, versionOf(copy(T3)))).toEqual(versionOf(copy(T3)));
    expect(laterSeen(live, deleted)).toEqual(deleted);
    expect(laterSeen(deleted, live)).toEqual(deleted);
  });
});

describe('a record from the server', () => {
  it('is applied, refused for its clock, or refused as older than seen', () => {
    const seen = versionOf(copy(T2));
    expect(judgeRemote(copy(T3), seen, NOW)).toBe('accept');
    expect(judgeRemote(copy(T3), undefined, NOW)).toBe('accept');
    expect(judgeRemote(copy(T1), seen, NOW)).toBe('rollback');
    expect(judgeRemote(copy('z'), undefined, NOW)).toBe('clock');
    expect(judgeRemote(copy(T3, { fieldHlc: { name: 'zzz' } }), undefined, NOW)).toBe('clock');
    const ahead = at(NOW + MAX_CLOCK_AHEAD_MS + 60_000);
    expect(judgeRemote(copy(ahead), seen, NOW)).toBe('clock');
    // A bad clock is reported as such even when it would also look older.
    expect(judgeRemote(copy('0'), seen, NOW)).toBe('clock');
  });
});
