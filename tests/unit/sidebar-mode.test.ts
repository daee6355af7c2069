import { describe, expect, it } from 'vitest';
import { sidebarMode } from '@/entrypoints/meet.content/follow-call';
import type { PhaseState } from '@/utils/domain/call-phase';

const at = (phase: PhaseState['phase'], candidate: PhaseState['candidate'] = null): PhaseState => ({
  phase,
  candidate,
  since: 0,
});

describe('when the sidebar is shown', () => {
  it('is shown only in the call, and stays after it for the wrap-up', () => {
    expect(sidebarMode(at('in-call'), 'preloaded')).toBe('shown');
    expect(sidebarMode(at('ended'), 'shown')).toBe('shown');
    // A page opened on an ended call has no wrap-up to show.
    expect(sidebarMode(at('ended'), 'none')).toBe('none');
  });

  it('waits out of sight before the call, never shown there', () => {
    expect(sidebarMode(at('lobby'), 'none')).toBe('preloaded');
    expect(sidebarMode(at('waiting'), 'preloaded')).toBe('preloaded');
    expect(sidebarMode(at('unknown', 'in-call'), 'none')).toBe('preloaded');
    expect(sidebarMode(at('unknown'), 'none')).toBe('none');
    // Back in the lobby after a call (rejoin screen): out of sight again.
    expect(sidebarMode(at('lobby'), 'shown')).toBe('preloaded');
  });
});
