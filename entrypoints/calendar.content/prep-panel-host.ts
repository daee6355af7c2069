import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountFrameHost, type FrameHost } from '@/utils/dom/frame-host';
import { placeBeside, placeDocked, type Box } from '@/utils/dom/placement';
import { onHostMessage } from '@/utils/messaging/host-protocol';
import { UNREAD_PREFIX } from '@/utils/messaging/views';

/** Until the panel has measured itself: room for a heading and a line or two. */
const INITIAL_HEIGHT = 160;
const WIDTH = 360;
const MAX_HEIGHT = 640;

/**
 * What the panel is pointed at: an event, or a card Taiwa could read only in part (the panel
 * then says what it could not read, and that nothing was recorded).
 */
export type PanelSubject = { eventId: string } | { problems: readonly string[] };

/** The panel page's fragment for a subject (read back by hooks/use-event-id.ts). */
export const subjectHash = (subject: PanelSubject): string =>
  'eventId' in subject
    ? encodeURIComponent(subject.eventId)
    : `${UNREAD_PREFIX}${subject.problems.join(',')}`;

export interface PrepPanelHost {
  /** Shows the panel for `subject` beside `card`, or docked at the right edge without one. */
  show(subject: PanelSubject, card: Box | null): void;
  hide(): void;
  /**
   * Out of sight at once, and pointed at nothing, while the card is half-switched to another
   * event: the previous person must not stay on screen, yet the frame stays loaded for the next.
   */
  conceal(): void;
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
    show(subject, card) {
      const hash = subjectHash(subject);
      if (host) {
        host.navigate(hash);
        host.setVisible(true);
      } else host = mountFrameHost(ctx, 'prep-panel', i18n.t('prepPanel.title'), hash);
      lastCard = card;
      layout();
    },
    conceal() {
      host?.setVisible(false);
      host?.navigate('');
    },
    hide() {
      host?.remove();
      host = undefined;
      height = INITIAL_HEIGHT;
      measuredAt = -1;
    },
  };
}
