import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountFrameHost, type FrameHost } from '@/utils/dom/frame-host';
import { meetCodeFrom } from '@/utils/google/meet-url';

/** Width of the docked sidebar, and the room left at the bottom for Meet's control bar. */
const SIDEBAR = { width: 360, gap: 16, controlBar: 96 };

/** Docks the notes sidebar beside a Google Meet call. */
export default defineContentScript({
  matches: ['https://meet.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    followCall(ctx);
  },
});

function followCall(ctx: ContentScriptContext): void {
  let sidebar: FrameHost | undefined;
  const update = (url: Pick<Location, 'hostname' | 'pathname'> = location) => {
    if (!meetCodeFrom(url)) {
      sidebar?.remove();
      sidebar = undefined;
      return;
    }
    sidebar ??= mountFrameHost(ctx, 'notes-sidebar', i18n.t('notesSidebar.title'));
    const width = Math.min(SIDEBAR.width, window.innerWidth - 2 * SIDEBAR.gap);
    sidebar.place({
      left: window.innerWidth - SIDEBAR.gap - width,
      top: SIDEBAR.gap,
      width,
      height: Math.max(200, window.innerHeight - SIDEBAR.gap - SIDEBAR.controlBar),
    });
  };
  // Meet is a single-page app: it switches calls and leaves them without a page load. The event
  // can fire before `location` changes (Navigation API), so read the URL it carries.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => update(newUrl));
  ctx.addEventListener(window, 'resize', () => update());
  update();
}
