import { sendMessage } from '@/utils/messaging/protocol';
import type { PrepView } from '@/utils/messaging/views';
import { useLive } from '@/hooks/use-live';
import { eventIdFromHash } from './use-event-id';

/**
 * The first request, sent as soon as this module runs: the round trip then overlaps React's
 * start instead of following it (the panel opens beside a card and has to be quick).
 */
let early: { eventId: string; view: Promise<PrepView> } | null = (() => {
  const eventId = eventIdFromHash();
  return eventId ? { eventId, view: sendMessage('getPrepView', { eventId }) } : null;
})();

/**
 * The prep view of an event, live. The panel can load before the content script's report of the
 * event arrives; the report is announced (the `events` topic) and the view is read again then.
 */
export function usePrepView(eventId: string | null) {
  return useLive('getPrepView', eventId === null ? null : { eventId }, () => {
    const first = early?.eventId === eventId ? early.view : null;
    early = null;
    return first ?? sendMessage('getPrepView', { eventId: eventId ?? '' });
  });
}
