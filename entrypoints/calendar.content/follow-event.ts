import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolveCounterpart } from '@/utils/domain/classify';
import { observeMutations } from '@/utils/dom/observe-mutations';
import { editPageEventId, isEditPageReady, parseEditPage } from '@/utils/google/calendar/edit-page';
import {
  findOpenEventCard,
  parseEventCard,
  type CalendarEventReport,
} from '@/utils/google/calendar/event-card';
import { sendMessage } from '@/utils/messaging/protocol';
import { mayConcernCard } from '@/utils/google/calendar/card-mutations';
import type { PrepPanelHost } from './prep-panel-host';

/**
 * Follows the event the user has open, in the popover card or on the full edit page: reports it
 * to the background (which classifies and records it) and keeps the prep panel beside it.
 * Google reuses the card for other events and re-renders its content, so the card is re-read
 * whenever its details block is a new element, and reported again only when what it says changed.
 * Events with one other person get the panel (a 1on1, or the offer to treat it as one); group
 * events get nothing at all.
 */
export function followEvent(ctx: ContentScriptContext, panel: PrepPanelHost): void {
  let readDetails: Element | null = null;
  let readEditPage: string | null = null;
  let shown: string | null = null;
  let reported = '';

  /** Reports the event; returns the id to show a panel for, or null for a group event. */
  const report = (event: CalendarEventReport | null): string | null => {
    if (!event) return null;
    const key = JSON.stringify(event);
    const forPanel = resolveCounterpart(event.guests, event.selfEmail, event.organizerEmail)
      ? event.eventId
      : null;
    if (key === reported) return forPanel;
    reported = key;
    sendMessage('recordCalendarEvent', event).catch((error: unknown) => {
      reported = '';
      console.warn('Taiwa could not record this event:', error);
    });
    return forPanel;
  };

  let openDialog: Element | null = null;
  const update = (url: Pick<Location, 'pathname'> = location) => {
    const card = findOpenEventCard(document);
    openDialog = card?.dialog ?? null;
    if (card) {
      if (card.details !== readDetails) {
        readDetails = card.details;
        shown = report(parseEventCard(card.details));
      }
      if (shown) panel.show(shown, card.dialog.getBoundingClientRect());
      else panel.hide();
      return;
    }
    readDetails = null;
    const editing = editPageEventId(url);
    if (editing && isEditPageReady(document)) {
      if (editing !== readEditPage) {
        readEditPage = editing;
        shown = report(parseEditPage(document, url));
      }
      if (shown) panel.show(shown, null);
      return;
    }
    readEditPage = null;
    shown = null;
    panel.hide();
  };

  // The card opens, closes, moves and is reused through attribute and child changes; the panel
  // must follow within the frame, so the check runs in the observer callback itself.
  observeMutations(
    document.body,
    (records) => {
      // The edit page renders its form late and has no card: every batch may matter there.
      if (mayConcernCard(records, openDialog) || editPageEventId(location)) update();
    },
    ctx.signal,
    {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class', 'hidden', 'aria-hidden', 'data-eventid'],
    },
    'sync',
  );
  // Calendar is a single-page app; the event can fire before `location` changes.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => update(newUrl));
  ctx.addEventListener(window, 'resize', () => update());
  ctx.addEventListener(window, 'scroll', () => update(), { capture: true, passive: true });
  update();
}
