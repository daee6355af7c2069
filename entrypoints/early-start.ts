import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendMessage } from '@/utils/messaging/protocol';
import { EARLY_GLOBAL, type EarlyLoads } from '@/utils/pages/early-load';
import { placeFrom } from '@/utils/pages/notebook-link';

/**
 * Loaded by popup.html and notebook.html as a plain script ahead of the app: it asks the
 * background for what the page opens on while the app's code (React) is still being read, which
 * is most of a cold open. The app takes the answer through `takeEarly`.
 */
export default defineUnlistedScript(() => {
  const loads: EarlyLoads = new Map();
  if (location.pathname.endsWith('/popup.html')) {
    loads.set('popup', sendMessage('getPopupView', undefined));
  }
  const place = placeFrom(location.hash);
  if (location.pathname.endsWith('/notebook.html') && 'person' in place) {
    loads.set(
      `person:${place.person}`,
      sendMessage('getPersonTimeline', { personId: place.person }),
    );
  }
  (globalThis as Record<string, unknown>)[EARLY_GLOBAL] = loads;
});
