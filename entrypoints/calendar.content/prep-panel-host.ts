import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountFrameHost, type FrameHost } from '@/utils/dom/frame-host';
import { placeBeside, placeDocked, type Box } from '@/utils/dom/placement';
import { onHostMessage } from '@/utils/messaging/host-protocol';

/** Until the panel has measured itself: room for a heading and a line or two. */
const INITIAL_HEIGHT = 160;
const WIDTH = 360;
const MAX_HEIGHT = 640;

export interface PrepPanelHost {
  /** Shows the panel for `eventId` beside `card`, or docked at the right edge without one. */
  show(eventId: string, card: Box | null): void;
  hide(): void;
}

/**
 * The one prep panel of a Calendar tab. The iframe is mounted once and pointed at each event
 * the user opens (a hash change, no reload), sized to what the panel reports it needs.
 */
export function createPrepPanelHost(ctx: ContentScriptContext): PrepPanelHost {
  let host: FrameHost | undefined;
  let height = INITIAL_HEIGHT;
  /** When the shown iframe last measured itself: an older measure arriving late is ignored. */
  let measuredAt = -1;
  let lastCard: Box | null = null;

  const layout = () => {
    if (!host) return;
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const size = { width: WIDTH, maxHeight: Math.min(height, MAX_HEIGHT) };
    host.place(lastCard ? placeBeside(lastCard, viewport, size) : placeDocked(viewport, size));
  };

  const stopListening = onHostMessage('fitHost', ({ data }) => {
    if (data.host !== 'prep-panel' || data.at <= measuredAt) return;
    measuredAt = data.at;
    height = data.height;
    layout();
  });
  ctx.onInvalidated(stopListening);

  return {
    show(eventId, card) {
      const hash = encodeURIComponent(eventId);
      if (host) host.navigate(hash);
      else host = mountFrameHost(ctx, 'prep-panel', i18n.t('prepPanel.title'), hash);
      lastCard = card;
      layout();
    },
    hide() {
      host?.remove();
      host = undefined;
      height = INITIAL_HEIGHT;
      measuredAt = -1;
    },
  };
}
