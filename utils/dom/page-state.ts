import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CallPhase } from '@/utils/domain/call-phase';

/**
 * The attribute on the page's root element (`<html>`) saying what Taiwa's content script last
 * concluded for the page. Part of the test contract (docs/google-pages.md § test contract): a test
 * that checks that nothing appeared waits for the decision instead of sleeping. It is on the root,
 * not on the host, because the host is removed when nothing is shown, which is just when a test
 * needs to know that the content script has decided. It sits in Google's DOM: only these words,
 * never a name, an address or an id.
 */
export const STATE_ATTRIBUTE = 'data-taiwa-state';

/**
 * What the Calendar content script concluded for the open card or edit page:
 * - `shown`: the prep panel shows the event;
 * - `unread`: the panel says the card could be read only in part (nothing recorded);
 * - `half-read`: the card is being read (a reused card half-switched): the panel is out of
 *   sight until it settles or the grace runs out;
 * - `not-one-on-one`: an event without exactly one other person, or no event at all (a task):
 *   no panel;
 * - `none`: no card is open and no event is being edited: no panel.
 */
export type CalendarState = 'shown' | 'unread' | 'half-read' | 'not-one-on-one' | 'none';

/**
 * What the Meet content script concluded: the call's phase once confirmed (while a change of
 * phase waits out its delay, the previous one stays), `unknown` for a call's page showing nothing
 * recognisable, or `no-call` on a page without a meeting code (the landing page).
 */
export type MeetState = CallPhase | 'no-call';

/**
 * Writes the content script's latest decision on the page's root, after the panel or sidebar was
 * set for it (null: nothing decided yet, e.g. for a call just switched to); removed when the
 * content script is invalidated, as its host is. Compared with what the page holds, not with a
 * remembered value, so a test may clear the attribute and wait for the next decision.
 */
export function createStateMarker<S extends string>(
  ctx: ContentScriptContext,
): (state: S | null) => void {
  const root = document.documentElement;
  ctx.onInvalidated(() => root.removeAttribute(STATE_ATTRIBUTE));
  return (state) => {
    if (state === null) root.removeAttribute(STATE_ATTRIBUTE);
    else if (root.getAttribute(STATE_ATTRIBUTE) !== state)
      root.setAttribute(STATE_ATTRIBUTE, state);
  };
}
