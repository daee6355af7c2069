import { useEffect } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { PrepView } from '@/utils/messaging/views';
import { useLive } from '@/hooks/use-live';
import { eventIdFromHash } from './use-event-id';

/** How long to wait for the content script's report of a just-opened event. */
const RETRY_MS = 250;
const RETRIES = 12;

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
 * event arrives; until it does (or a few seconds pass) the view is fetched again.
 */
export function usePrepView(eventId: string | null) {
  const live = useLive<PrepView>(eventId, () => {
    const first = early?.eventId === eventId ? early.view : null;
    early = null;
    return first ?? sendMessage('getPrepView', { eventId: eventId ?? '' });
  }, ['people', 'meetings', 'notes', 'actions', 'goals', 'templates', 'seriesOverrides']);
  const unknown = live.state === 'ready' && live.value.event === null && !live.value.meeting;
  const { reload } = live;
  useEffect(() => {
    if (!unknown) return;
    let tries = 0;
    const timer = setInterval(() => {
      if (++tries > RETRIES) clearInterval(timer);
      else reload();
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [unknown, eventId, reload]);
  return live;
}
