import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolveCounterpart } from '@/utils/domain/classify';
import { observeMutations } from '@/utils/dom/observe-mutations';
import { editPageEventId, isEditPageReady, parseEditPage } from '@/utils/google/calendar/edit-page';
import {
  findOpenEventCard,
  readEventCard,
  type CalendarEventReport,
  type CardReading,
} from '@/utils/google/calendar/event-card';
import { sendMessage } from '@/utils/messaging/protocol';
import { createStateMarker, type CalendarState } from '@/utils/dom/page-state';
import { CARD_OBSERVER_OPTIONS, mayConcernCard } from '@/utils/google/calendar/card-mutations';
import type { PanelSubject, PrepPanelHost } from './prep-panel-host';

/**
 * A card may be half-read for a moment (a reused card showing another event's children, guest
 * rows rendered after the summary): only a problem that lasts this long is shown as one.
 */
const PROBLEM_GRACE_MS = 1_500;

/**
 * Follows the event the user has open, in the popover card or on the full edit page: reports it
 * to the background (which classifies and records it) and keeps the prep panel beside it.
 * Google reuses the card for other events (the dialog, and #xDetDlg itself, whose id and
 * children change) and re-renders its content, so the card is re-read whenever its content or id
 * changed, its state is keyed on `data-eventid`, never on the element, and it is reported again
 * only when what it says changed.
 * Events with one other person get the panel (a 1on1, or the offer to treat it as one); group
 * events get nothing at all. A card read only in part (its own guest count or time line says
 * more than was read) is never recorded: the panel says so instead. Each decision is marked on
 * the page's root (utils/dom/page-state.ts), within the same observer callback as the change.
 */
export function followEvent(ctx: ContentScriptContext, panel: PrepPanelHost): void {
  const decided = createStateMarker<CalendarState>(ctx);
  let readEditPage: string | null = null;
  /** What the open card was last read as: its event id, and what the panel shows for it. */
  let read: { key: string; shown: PanelSubject | null } | null = null;
  let problemSince: number | null = null;
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

  /**
   * What the panel shows for a card reading: its event, the problem in words, or nothing yet. A
   * half-read card shows nothing at first (never the previous event's person); if it stays so,
   * the problem is said in words.
   */
  const subjectOf = (reading: CardReading): PanelSubject | null => {
    if (!reading.problems.length) {
      problemSince = null;
      return withEvent(report(reading.event));
    }
    const now = Date.now();
    if (problemSince === null) {
      problemSince = now;
      ctx.setTimeout(() => update(location, true), PROBLEM_GRACE_MS + 50);
    }
    return now - problemSince < PROBLEM_GRACE_MS ? null : { problems: reading.problems };
  };

  let openDialog: Element | null = null;
  const update = (url: Pick<Location, 'pathname'> = location, reread = false) => {
    const card = findOpenEventCard(document);
    openDialog = card?.dialog ?? null;
    if (card) {
      const key = card.details.dataset.eventid ?? '';
      if (key !== read?.key) problemSince = null;
      if (reread || key !== read?.key) {
        read = { key, shown: subjectOf(readEventCard(card.details)) };
      }
      if (read.shown) {
        panel.show(read.shown, card.dialog.getBoundingClientRect());
        decided('eventId' in read.shown ? 'shown' : 'unread');
      } else if (problemSince !== null) {
        panel.conceal();
        decided('half-read');
      } else {
        panel.hide();
        decided('not-one-on-one');
      }
      return;
    }
    read = null;
    problemSince = null;
    const editing = editPageEventId(url);
    if (editing && isEditPageReady(document)) {
      if (editing !== readEditPage) {
        readEditPage = editing;
        const shown = withEvent(report(parseEditPage(document, url)));
        if (shown) panel.show(shown, null);
        decided(shown ? 'shown' : 'not-one-on-one');
      }
      return;
    }
    readEditPage = null;
    panel.hide();
    decided('none');
  };

  // The card opens, closes, moves and is reused through attribute and child changes; the panel
  // must follow within the frame, so the check runs in the observer callback itself.
  observeMutations(
    document.body,
    (records) => {
      // The edit page renders its form late and has no card: every batch may matter there.
      if (!mayConcernCard(records, openDialog) && !editPageEventId(location)) return;
      // Content or identity changed: read again. Only a class or style (hover, a move): follow.
      const changed = records.some(
        (r) => r.type === 'childList' || r.attributeName === 'data-eventid',
      );
      update(location, changed);
    },
    ctx.signal,
    CARD_OBSERVER_OPTIONS,
    'sync',
  );
  // Calendar is a single-page app; the event can fire before `location` changes.
  ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => update(newUrl));
  ctx.addEventListener(window, 'resize', () => update());
  ctx.addEventListener(window, 'scroll', () => update(), { capture: true, passive: true });
  update();
}

const withEvent = (eventId: string | null): PanelSubject | null => (eventId ? { eventId } : null);
