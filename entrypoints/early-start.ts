import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendMessage } from '@/utils/messaging/protocol';
import { EARLY_GLOBAL, type EarlyLoads } from '@/utils/pages/early-load';
import { placeFrom } from '@/utils/pages/notebook-link';
import { paintLastView } from '@/utils/pages/snapshot';

/**
 * Loaded by popup.html and notebook.html as a plain script ahead of the app: it asks the
 * background for what the page opens on while the app's code (React) is still being read, which
 * is most of a cold open. The app takes the answer through `takeEarly`. The popup also paints
 * its last view here, in plain DOM, before React has started.
 */
export default defineUnlistedScript(() => {
  const loads: EarlyLoads = new Map();
  if (location.pathname.endsWith('/popup.html')) {
    loads.set('popup', sendMessage('getPopupView', undefined));
    // The last view, from session storage, while React loads (utils/pages/snapshot.ts).
    void paintLastView().catch(() => undefined);
  }
  const place = placeFrom(location.hash);
  if (location.pathname.endsWith('/notebook.html') && 'person' in place) {
    // The head first (small, shown first), then the first page of the history.
    loads.set(
      `person-head:${place.person}`,
      sendMessage('getPersonHead', { personId: place.person }),
    );
    loads.set(
      `person:${place.person}`,
      sendMessage('getPersonTimeline', { personId: place.person }),
    );
  }
  (globalThis as Record<string, unknown>)[EARLY_GLOBAL] = loads;
});
