import type { RawPhase } from '@/utils/google/meet/call-page';

export type CallPhase = RawPhase;

export interface PhaseState {
  phase: CallPhase;
  /** A different phase the page has shown since `since`, not yet confirmed. */
  candidate: CallPhase | null;
  since: number;
}

/**
 * How long the page must keep showing a phase before Taiwa believes it. Joining is confirmed
 * fast (the sidebar should be there when the call starts); leaving takes longer, since Meet
 * rebuilds its page in passing and an ended call is what triggers the wrap-up.
 */
export const PHASE_DELAYS_MS: Record<CallPhase, number> = {
  unknown: Infinity,
  lobby: 400,
  waiting: 400,
  'in-call': 60,
  ended: 1_200,
};
/** In a call, Meet's controls gone for this long (and nothing else shown) means it ended. */
export const CONTROLS_GONE_MS = 5_000;

export const INITIAL_PHASE: PhaseState = { phase: 'unknown', candidate: null, since: 0 };

/**
 * The debounced phase machine: lobby → waiting → in call → ended. A raw reading must hold for
 * its delay before the phase changes; a page that shows nothing recognisable keeps the phase,
 * except in a call, where it means the call ended once it lasts a few seconds.
 */
export function stepPhase(
  state: PhaseState,
  raw: RawPhase,
  now: number,
  delays: Record<CallPhase, number> = PHASE_DELAYS_MS,
): PhaseState {
  if (raw === state.phase) return state.candidate === null ? state : { ...state, candidate: null };
  const target: CallPhase | null =
    raw === 'unknown' ? (state.phase === 'in-call' ? 'ended' : null) : raw;
  if (target === null) return state.candidate === null ? state : { ...state, candidate: null };
  const since = state.candidate === raw ? state.since : now;
  const delay = raw === 'unknown' ? CONTROLS_GONE_MS : delays[target];
  if (now - since >= delay) return { phase: target, candidate: null, since: now };
  return { phase: state.phase, candidate: raw, since };
}
