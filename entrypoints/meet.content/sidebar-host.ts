import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountFrameHost, type FrameHost } from '@/utils/dom/frame-host';
import { onHostMessage } from '@/utils/messaging/host-protocol';

/** Width of the docked sidebar, and the room left at the bottom for Meet's control bar. */
const SIDEBAR = { width: 360, gap: 16, controlBar: 96 };

export interface SidebarHost {
  show(meetCode: string): void;
  hide(): void;
}

/**
 * The notes sidebar of a Meet tab: docked at the right edge, clear of Meet's control bar, as
 * tall as its content asks (a folded sidebar is just its header) and never taller than the room.
 */
export function createSidebarHost(ctx: ContentScriptContext): SidebarHost {
  let host: FrameHost | undefined;
  let wanted = Infinity;
  let measuredAt = -1;

  const layout = () => {
    if (!host) return;
    const width = Math.min(SIDEBAR.width, window.innerWidth - 2 * SIDEBAR.gap);
    const room = Math.max(120, window.innerHeight - SIDEBAR.gap - SIDEBAR.controlBar);
    host.place({
      left: window.innerWidth - SIDEBAR.gap - width,
      top: SIDEBAR.gap,
      width,
      height: Math.min(wanted, room),
    });
  };
  const stopListening = onHostMessage('fitHost', ({ data }) => {
    if (data.host !== 'notes-sidebar' || data.at <= measuredAt) return;
    measuredAt = data.at;
    wanted = Math.max(48, data.height);
    layout();
  });
  ctx.onInvalidated(stopListening);
  ctx.addEventListener(window, 'resize', layout);

  return {
    show(meetCode) {
      if (host) host.navigate(meetCode);
      else host = mountFrameHost(ctx, 'notes-sidebar', i18n.t('notesSidebar.title'), meetCode);
      layout();
    },
    hide() {
      host?.remove();
      host = undefined;
      wanted = Infinity;
      measuredAt = -1;
    },
  };
}
