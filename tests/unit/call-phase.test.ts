import { describe, expect, it } from 'vitest';
import {
  CONTROLS_GONE_MS,
  INITIAL_PHASE,
  PHASE_DELAYS_MS,
  stepPhase,
  type PhaseState,
} from '@/utils/domain/call-phase';
import type { RawPhase } from '@/utils/google/meet/call-page';

/** Feeds readings `[at, raw]` to the machine; returns the confirmed phase after each. */
function run(readings: [number, RawPhase][], start: PhaseState = INITIAL_PHASE) {
  let state = start;
  return readings.map(([at, raw]) => {
    state = stepPhase(state, raw, at);
    return state.phase;
  });
}

describe('the call phase machine', () => {
  it('follows lobby → waiting → in call → ended once each reading holds for its delay', () => {
    const lobby = PHASE_DELAYS_MS.lobby;
    expect(
      run([
        [0, 'lobby'],
        [lobby, 'lobby'],
        [lobby + 10, 'waiting'],
        [2 * lobby + 10, 'waiting'],
        [2 * lobby + 20, 'in-call'],
        [2 * lobby + 20 + PHASE_DELAYS_MS['in-call'], 'in-call'],
        [3_000, 'ended'],
        [3_000 + PHASE_DELAYS_MS.ended, 'ended'],
      ]),
    ).toEqual(['unknown', 'lobby', 'lobby', 'waiting', 'waiting', 'in-call', 'in-call', 'ended']);
  });

  it('ignores a flicker shorter than the delay', () => {
    const inCall: PhaseState = { phase: 'in-call', candidate: null, since: 0 };
    expect(
      run(
        [
          [1_000, 'waiting'],
          [1_200, 'in-call'],
          [2_000, 'ended'],
          [2_400, 'in-call'],
          [5_000, 'in-call'],
        ],
        inCall,
      ),
    ).toEqual(['in-call', 'in-call', 'in-call', 'in-call', 'in-call']);
  });

  it('takes Meet’s controls gone for a few seconds in a call as the end of it', () => {
    const inCall: PhaseState = { phase: 'in-call', candidate: null, since: 0 };
    expect(
      run(
        [
          [1_000, 'unknown'],
          [1_000 + CONTROLS_GONE_MS - 1, 'unknown'],
          [1_000 + CONTROLS_GONE_MS, 'unknown'],
        ],
        inCall,
      ),
    ).toEqual(['in-call', 'in-call', 'ended']);
  });

  it('keeps the lobby while the page shows nothing it knows (still loading)', () => {
    const lobby: PhaseState = { phase: 'lobby', candidate: null, since: 0 };
    expect(
      run(
        [
          [1_000, 'unknown'],
          [60_000, 'unknown'],
        ],
        lobby,
      ),
    ).toEqual(['lobby', 'lobby']);
  });

  it('allows a rejoin after the call ended', () => {
    const ended: PhaseState = { phase: 'ended', candidate: null, since: 0 };
    expect(
      run(
        [
          [1_000, 'in-call'],
          [1_000 + PHASE_DELAYS_MS['in-call'], 'in-call'],
        ],
        ended,
      ),
    ).toEqual(['ended', 'in-call']);
  });
});
