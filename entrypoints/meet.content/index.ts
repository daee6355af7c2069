import { defineContentScript } from 'wxt/utils/define-content-script';
import { meetCodeFrom } from '@/utils/google/meet-url';
import { createStateMarker, type MeetState } from '@/utils/dom/page-state';
import { followCall } from './follow-call';
import { createSidebarHost } from './sidebar-host';

/**
 * Google Meet: follows the call in this tab, measures talk time from the speaking indicators,
 * and docks the notes sidebar once the user is in the call. Holds no user data: everything typed
 * lives in the sidebar's extension-origin iframe.
 */
export default defineContentScript({
  matches: ['https://meet.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const sidebar = createSidebarHost(ctx);
    const decided = createStateMarker<MeetState>(ctx);
    let current: { code: string; controller: AbortController } | undefined;
    const update = (url: Pick<Location, 'hostname' | 'pathname'> = location) => {
      const code = meetCodeFrom(url);
      if (code === current?.code) return;
      // Meet switches calls (and leaves them for its landing page) without a page load.
      current?.controller.abort();
      current = undefined;
      if (!code) {
        decided('no-call');
        return;
      }
      // Nothing is decided for this call yet: the previous one's phase does not stand for it.
      decided(null);
      const controller = new AbortController();
      ctx.onInvalidated(() => controller.abort());
      current = { code, controller };
      followCall(ctx, code, sidebar, controller.signal, decided);
    };
    // The event can fire before `location` changes (Navigation API), so read the URL it carries.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => update(newUrl));
    update();
  },
});
