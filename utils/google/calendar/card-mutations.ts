import { CALENDAR } from './selectors';

/**
 * What the card follower observes: the card opens, closes, moves and is reused through child and
 * attribute changes (Google changes a reused card's data-eventid in place). Shared with the tests,
 * which must observe exactly what the follower does.
 */
export const CARD_OBSERVER_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['style', 'class', 'hidden', 'aria-hidden', 'data-eventid'],
};

/**
 * Whether a batch of mutations can have opened, closed, moved or changed the event card. The
 * grid re-renders thousands of nodes at a time; a batch that touches neither an open card nor
 * anything that holds or may become a dialog is skipped without reading the page's layout.
 */
export function mayConcernCard(records: MutationRecord[], openDialog: Element | null): boolean {
  return records.some((record) => {
    const target = record.target;
    if (openDialog && (openDialog.contains(target) || target.contains(openDialog))) return true;
    if (record.type === 'attributes') return isDialogish(target);
    return [...record.addedNodes, ...record.removedNodes].some(
      (node) =>
        isDialogish(node) || (node instanceof Element && node.querySelector(CALENDAR.dialogLike)),
    );
  });
}

const isDialogish = (node: Node) =>
  node instanceof Element &&
  (node.matches(CALENDAR.dialogLike) || node.closest(CALENDAR.dialogLike) !== null);
