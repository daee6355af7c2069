import type { RawPhase } from './call-page';
import type { TalkTotals } from '@/utils/domain/talk-time';
import type { ParticipantReading } from './participants';

/** What Taiwa expected on a Meet call page and did not find. Empty when all is well. */
export type MeetProblem = 'call-state' | 'participants' | 'speaking' | 'speaking-implausible';

/**
 * The anchors Taiwa depends on during a call: a page whose state cannot be read at all, a call
 * without readable participants, or participants without speaking indicators (the talk-time
 * meter then says "cannot measure"), or indicators that say what no real call does (a renamed
 * quiet class: everyone speaking all the time). A Google redesign shows up here first.
 */
export function meetProblems(
  raw: RawPhase,
  inCall: boolean,
  reading: ParticipantReading,
  talk: Pick<TalkTotals, 'measurable' | 'implausible'>,
): MeetProblem[] {
  if (!inCall) return raw === 'unknown' ? ['call-state'] : [];
  if (!reading.participants.length) return ['participants'];
  if (talk.implausible) return ['speaking-implausible'];
  return talk.measurable ? [] : ['speaking'];
}
