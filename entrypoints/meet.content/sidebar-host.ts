import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountFrameHost, type FrameHost } from '@/utils/dom/frame-host';
import { onHostMessage } from '@/utils/messaging/host-protocol';

/** Width of the docked sidebar, and the room left at the bottom for Meet's control bar. */
const SIDEBAR = { width: 360, gap: 16, controlBar: 96 };

/**
 * - `shown`: in the call (and after it, for the wrap-up);
 * - `preloaded`: loaded out of sight before the call (lobby, waiting), so it is ready the
 *   moment the call starts: hidden, out of the tab order, unheard by screen readers;
 * - `none`: lobby, waiting, another page.
 */
export type SidebarMode = 'shown' | 'preloaded' | 'none';

export interface SidebarHost {
  readonly mode: SidebarMode;
  /** Puts the sidebar of `meetCode` in `mode`; does nothing when it already is. */
  set(mode: SidebarMode, meetCode: string): void;
}

/**
 * The notes sidebar of a Meet tab: docked at the right edge, clear of Meet's control bar, as
 * tall as its content asks (a folded sidebar is just its header) and never taller than the room.
 */
export function createSidebarHost(ctx: ContentScriptContext): SidebarHost {
  let host: FrameHost | undefined;
  let current = { mode: 'none' as SidebarMode, code: '' };
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
    get mode() {
      return current.mode;
    },
    set(mode, code) {
      if (mode === current.mode && code === current.code) return;
      current = { mode, code };
      if (mode === 'none') {
        host?.remove();
        host = undefined;
        wanted = Infinity;
        measuredAt = -1;
        return;
      }
      // The same page either way: shown, it finds the call started (see hooks/use-call-view.ts).
      if (host) host.navigate(code);
      else host = mountFrameHost(ctx, 'notes-sidebar', i18n.t('notesSidebar.title'), code);
      host.setVisible(mode === 'shown');
      layout();
    },
  };
}
