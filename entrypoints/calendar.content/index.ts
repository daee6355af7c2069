import { i18n } from '#i18n';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountFrameHost, type FrameHost } from '@/utils/dom/frame-host';
import { observeMutations } from '@/utils/dom/observe-mutations';
import { placeBeside } from '@/utils/dom/placement';
import { findOpenEventCard } from '@/utils/google/calendar-dom';

const PANEL = { width: 360, maxHeight: 600 };

/** Shows the prep panel beside Google Calendar's event card while one is open. */
export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    followEventCard(ctx);
  },
});

function followEventCard(ctx: ContentScriptContext): void {
  let panel: FrameHost | undefined;
  const update = () => {
    const card = findOpenEventCard(document);
    if (!card) {
      panel?.remove();
      panel = undefined;
      return;
    }
    panel ??= mountFrameHost(ctx, 'prep-panel', i18n.t('prepPanel.title'));
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    panel.place(placeBeside(card.getBoundingClientRect(), viewport, PANEL));
  };
  // The card opens, closes, moves and is reused through attribute and child changes.
  observeMutations(document.body, update, ctx.signal, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden', 'aria-hidden', 'data-eventid'],
  });
  ctx.addEventListener(window, 'resize', update);
  update();
}
