import type { RawPhase } from './call-page';
import type { ParticipantReading } from './participants';

/** What Taiwa expected on a Meet call page and did not find. Empty when all is well. */
export type MeetProblem = 'call-state' | 'participants' | 'speaking';

/**
 * The anchors Taiwa depends on during a call: a page whose state cannot be read at all, a call
 * without readable participants, or participants without speaking indicators (the talk-time
 * meter then says "cannot measure"). A Google redesign shows up here first.
 */
export function meetProblems(
  raw: RawPhase,
  inCall: boolean,
  reading: ParticipantReading,
  measurable: boolean,
): MeetProblem[] {
  if (!inCall) return raw === 'unknown' ? ['call-state'] : [];
  if (!reading.participants.length) return ['participants'];
  return measurable ? [] : ['speaking'];
}
