import { sendMessage } from '@/utils/messaging/protocol';
import type { MeetingView } from '@/utils/messaging/views';
import { startEarly, takeEarly } from './early-load';

const key = (meetingId: string) => `meeting:${meetingId}`;
const load = (meetingId: string) => () => sendMessage('getMeetingView', { meetingId });

/**
 * Starts loading a meeting's view before it is rendered, so the request overlaps the render of
 * what comes first (the sidebar learns the meeting from the call, then shows its notes).
 */
export function prefetchMeetingView(meetingId: string): void {
  startEarly(key(meetingId), load(meetingId));
}

/** The prefetched view of `meetingId`, once (later loads must ask afresh), else a new request. */
export function loadMeetingView(meetingId: string): Promise<MeetingView> {
  return takeEarly(key(meetingId), load(meetingId));
}
