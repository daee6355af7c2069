import { prefetchMeetingView } from '@/utils/pages/prefetch';
import { sendMessage } from '@/utils/messaging/protocol';
import type { CallView } from '@/utils/messaging/views';

/** The Meet code the content script names in this page's URL fragment. */
export const meetCodeFromHash = () =>
  /^#([a-z]{3}-[a-z]{4}-[a-z]{3})$/.exec(location.hash)?.[1] ?? null;

/** The meeting of the last answer: a new one has its notes asked for at once. */
let known: string | null = null;

/** Asks for the call in this tab; a new meeting's notes are asked for before React renders them. */
export function askCall(): Promise<CallView | null> {
  return sendMessage('getCallView', undefined).then((view) => {
    const meetingId = view?.meetingId ?? null;
    if (meetingId && meetingId !== known) prefetchMeetingView(meetingId);
    known = meetingId;
    return view;
  });
}
