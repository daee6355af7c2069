import { sendMessage } from '@/utils/messaging/protocol';
import type { MeetingView } from '@/utils/messaging/views';

/** A meeting view asked for ahead of rendering. */
let prefetched: { meetingId: string; view: Promise<MeetingView> } | null = null;

/**
 * Starts loading a meeting's view before it is rendered, so the request overlaps the render of
 * what comes first (the sidebar learns the meeting from the call, then shows its notes).
 */
export function prefetchMeetingView(meetingId: string): void {
  if (prefetched?.meetingId !== meetingId) {
    prefetched = { meetingId, view: sendMessage('getMeetingView', { meetingId }) };
  }
}

/** The prefetched view of `meetingId`, once (later loads must ask afresh), else a new request. */
export function loadMeetingView(meetingId: string): Promise<MeetingView> {
  const early = prefetched?.meetingId === meetingId ? prefetched.view : null;
  prefetched = null;
  return early ?? sendMessage('getMeetingView', { meetingId });
}
