import { describe, expect, it } from 'vitest';
import { joinNoteTexts, mergeRecords } from '@/utils/domain/merge';
import { encodeHlc } from '@/utils/domain/hlc';

const clock = (wall: number, device = 'a', counter = 0) =>
  encodeHlc({ wall, counter, deviceId: device });

function record(
  fields: Record<string, unknown>,
  clocks: Record<string, string>,
  deleted: 0 | 1 = 0,
) {
  const hlc = Object.values(clocks).sort().at(-1) ?? clock(0);
  return { id: 'x', ...fields, hlc, fieldHlc: clocks, deviceId: hlc.split(':')[2]!, deleted };
}

describe('mergeRecords', () => {
  it('takes each field from the copy that wrote it last', () => {
    const local = record(
      { name: 'Aiko T.', cadence: 'weekly' },
      { name: clock(2, 'a'), cadence: clock(5, 'a') },
    );
    const remote = record(
      { name: 'Aiko Tanaka', cadence: 'monthly' },
      { name: clock(3, 'b'), cadence: clock(1, 'b') },
    );
    const merged = mergeRecords(local, remote);
    expect(merged.record).toMatchObject({ name: 'Aiko Tanaka', cadence: 'weekly' });
    expect(merged.record.fieldHlc).toEqual({ name: clock(3, 'b'), cadence: clock(5, 'a') });
    expect(merged).toMatchObject({ localAhead: true, localChanged: true });
  });

  it('gives the same result whichever side merges', () => {
    const a = record({ name: 'A', text: 'one' }, { name: clock(2, 'a'), text: clock(9, 'a') });
    const b = record({ name: 'B', text: 'two' }, { name: clock(4, 'b'), text: clock(9, 'b') });
    const ab = mergeRecords(a, b).record;
    const ba = mergeRecords(b, a).record;
    expect(ab).toEqual({ ...ba, id: ab.id });
    // Same wall time: the clock's device id breaks the tie, identically everywhere.
    expect(ab).toMatchObject({ name: 'B', text: 'two' });
  });

  it('says when nothing needs sending: the server copy already has everything', () => {
    const local = record({ name: 'A' }, { name: clock(1) });
    const remote = record({ name: 'B' }, { name: clock(2, 'b') });
    expect(mergeRecords(local, remote)).toMatchObject({ localAhead: false, localChanged: true });
    expect(mergeRecords(remote, remote)).toMatchObject({ localAhead: false, localChanged: false });
  });

  it('a deletion beats an edit made later elsewhere, on both sides', () => {
    const deleted = record({ text: '' }, { text: clock(5, 'a'), deleted: clock(5, 'a') }, 1);
    const edited = record({ text: 'Book the big room' }, { text: clock(8, 'b') });
    for (const [local, remote] of [
      [deleted, edited],
      [edited, deleted],
    ]) {
      expect(mergeRecords(local!, remote!).record).toMatchObject({ deleted: 1, text: '' });
    }
  });

  it('a revival (a later "not deleted") beats the older deletion', () => {
    const deleted = record({ text: '' }, { text: clock(5), deleted: clock(5) }, 1);
    const revived = record({ text: 'back' }, { text: clock(7, 'b'), deleted: clock(7, 'b') }, 0);
    expect(mergeRecords(deleted, revived).record).toMatchObject({ deleted: 0, text: 'back' });
  });
});

describe('joinNoteTexts', () => {
  it('keeps both texts, the later first, under a marker', () => {
    expect(joinNoteTexts('later', 'earlier', '---')).toBe('later\n\n---\nearlier');
  });
  it('keeps one text when it already contains the other', () => {
    expect(joinNoteTexts('abc', 'ab', '---')).toBe('abc');
    expect(joinNoteTexts('ab', 'abc', '---')).toBe('abc');
  });
});
