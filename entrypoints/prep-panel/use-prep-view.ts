import { useEffect } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { PrepView } from '@/utils/messaging/views';
import { useLive } from '@/components/use-live';

/** How long to wait for the content script's report of a just-opened event. */
const RETRY_MS = 250;
const RETRIES = 12;

/**
 * The prep view of an event, live. The panel can load before the content script's report of the
 * event arrives; until it does (or a few seconds pass) the view is fetched again.
 */
export function usePrepView(eventId: string | null) {
  const live = useLive<PrepView>(
    eventId,
    () => sendMessage('getPrepView', { eventId: eventId ?? '' }),
    ['people', 'meetings', 'notes', 'actions', 'goals', 'templates', 'seriesOverrides'],
  );
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
