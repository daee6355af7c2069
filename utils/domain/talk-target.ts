import { selfShare } from './talk-share';

/** Percentage points either side of the target that still count as on target. */
export const TARGET_BAND = 10;
/** Below this much speech in all, a share would say more about chance than about the call. */
const MIN_MEASURED_MS = 10_000;

export interface TalkVerdict {
  state: 'unmeasurable' | 'warming-up' | 'below' | 'in-band' | 'above';
  /** The user's share in whole percent; null until enough was said. */
  selfPercent: number | null;
  band: [number, number];
}

/**
 * Where the user's share of talk time stands against their target (docs/domain.md: the member talks
 * about 80%). "Below" is not a fault, only worth a glance: the member may have carried the call.
 */
export function talkVerdict(
  talk: { selfMs: number; othersMs: number; measurable: boolean },
  targetSelfPercent: number,
): TalkVerdict {
  const band: [number, number] = [
    Math.max(0, targetSelfPercent - TARGET_BAND),
    Math.min(100, targetSelfPercent + TARGET_BAND),
  ];
  const total = talk.selfMs + talk.othersMs;
  if (!talk.measurable) return { state: 'unmeasurable', selfPercent: null, band };
  if (total < MIN_MEASURED_MS) return { state: 'warming-up', selfPercent: null, band };
  const selfPercent = Math.round(selfShare(talk.selfMs, talk.othersMs) ?? 0);
  const state = selfPercent > band[1] ? 'above' : selfPercent < band[0] ? 'below' : 'in-band';
  return { state, selfPercent, band };
}
