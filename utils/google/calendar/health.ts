import { decodeEventId } from './event-id';
import { isEditPageReady } from './edit-page';
import {
  findOpenEventCard,
  isRendered,
  readEventCard,
  type CardProblem,
  type VisibilityCheck,
} from './event-card';
import { isTaiwaHost, pageStructure } from '@/utils/dom/page-structure';
import { CALENDAR, queryFirst } from './selectors';

/** What Taiwa expected on a Calendar page and did not find. Empty when all is well. */
export type CalendarProblem = 'view-family' | 'grid' | 'event-card' | 'edit-page' | CardProblem;

/**
 * Checks the anchors Taiwa depends on, and the open card's reading against what the card itself
 * claims (see readEventCard). A Google redesign shows up here first: the caller reports a problem
 * that persists, and the user sees a degraded state instead of a silently empty panel.
 */
export function calendarProblems(
  doc: Document,
  isVisible: VisibilityCheck = isRendered,
): CalendarProblem[] {
  const body = doc.querySelector<HTMLElement>(CALENDAR.viewFamily);
  if (!body) return ['view-family'];
  if (body.dataset.viewfamily === 'EVENT_EDIT') {
    return isEditPageReady(doc) && doc.querySelector(CALENDAR.edit.title) ? [] : ['edit-page'];
  }
  const problems: CalendarProblem[] = [];
  if (!doc.querySelector(`${CALENDAR.dateCell}, ${CALENDAR.chips.join(',')}`))
    problems.push('grid');
  // A card is open (it has a title) but its details block cannot be found: unless it is a task,
  // the card changed shape.
  for (const dialog of doc.querySelectorAll<HTMLElement>(CALENDAR.cardDialog)) {
    if (!isVisible(dialog) || !queryFirst(dialog, CALENDAR.title)) continue;
    const isTask = [...dialog.querySelectorAll<HTMLElement>('[data-eventid]')].some((el) =>
      decodeEventId(el.dataset.eventid ?? '')?.eventId.startsWith('tasks_'),
    );
    if (!isTask && !findOpenEventCard(doc, isVisible)) problems.push('event-card');
  }
  // The open card read against what it claims: its guest count, its time line.
  const card = findOpenEventCard(doc, isVisible);
  if (card) problems.push(...readEventCard(card.details).problems);
  return problems;
}

/**
 * The redacted structure to attach to a bug report: the open card (the part that changes
 * shape most), else the visible card dialog, else the page's first few thousand elements.
 */
export function calendarStructure(doc: Document, isVisible: VisibilityCheck = isRendered): string {
  const dialog =
    findOpenEventCard(doc, isVisible)?.dialog ??
    [...doc.querySelectorAll(CALENDAR.cardDialog)].find(isVisible);
  return pageStructure(dialog ?? doc.body, { skip: isTaiwaHost });
}
