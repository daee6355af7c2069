import { describe, expect, it } from 'vitest';
import { attentionReasons, conditionFalling, MANY_ACTIONS } from '@/utils/domain/attention';

describe('conditionFalling', () => {
  it('is a drop of two points from the best of the few before, or three falls in a row', () => {
    expect(conditionFalling([5, 4, 2])).toBe(true);
    expect(conditionFalling([4, null, 2])).toBe(true);
    expect(conditionFalling([5, 4, 3, 2])).toBe(true);
    expect(conditionFalling([4, 4, 3])).toBe(false);
    // One low day after a good run is a dip of one point: not a trend.
    expect(conditionFalling([4, 4, 4, 3])).toBe(false);
    // Recovering is not falling.
    expect(conditionFalling([5, 2, 4])).toBe(false);
  });

  it('needs two scores', () => {
    expect(conditionFalling([])).toBe(false);
    expect(conditionFalling([1])).toBe(false);
    expect(conditionFalling([null, 2, null])).toBe(false);
  });
});

describe('attentionReasons', () => {
  const calm = {
    cadence: 'on-track',
    hasPlanned: true,
    openActions: 0,
    conditions: [4, 4],
  } as const;

  it('names nothing for someone on track', () => {
    expect(attentionReasons(calm)).toEqual([]);
  });

  it('names each reason, most pressing first', () => {
    expect(
      attentionReasons({
        cadence: 'overdue',
        hasPlanned: false,
        openActions: 7,
        conditions: [5, 2],
      }),
    ).toEqual(['overdue', 'condition-falling', 'many-actions']);
    expect(attentionReasons({ ...calm, openActions: MANY_ACTIONS - 1 })).toEqual([]);
    expect(attentionReasons({ ...calm, openActions: MANY_ACTIONS })).toEqual(['many-actions']);
  });

  it('asks for a first 1on1 only when none is planned yet', () => {
    expect(attentionReasons({ ...calm, cadence: 'never-met', hasPlanned: false })).toEqual([
      'never-met',
    ]);
    expect(attentionReasons({ ...calm, cadence: 'never-met', hasPlanned: true })).toEqual([]);
  });
});
