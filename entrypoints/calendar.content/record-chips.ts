import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observeMutations } from '@/utils/dom/observe-mutations';
import { parseChips } from '@/utils/google/calendar/chips';
import { sendMessage } from '@/utils/messaging/protocol';
import { watchOneOnOneTitles } from './title-keywords';

/** Chips change with the week shown; one look a second is plenty for "upcoming 1on1s". */
const SCAN_DELAY_MS = 1_000;
const BATCH = 200;

/**
 * Reports the grid's chips titled as 1on1s to the background, which records them as planned
 * meetings. Each chip is sent once per title and time, so scrolling weeks back and forth
 * costs nothing after the first look; chips the background could not place yet are sent again
 * on a later look.
 */
export function recordGridChips(ctx: ContentScriptContext): void {
  const isOneOnOneTitle = watchOneOnOneTitles(ctx);
  /** Chips sent, by event id, with the title and times they were sent with. */
  const sent = new Map<string, string>();
  const scan = () => {
    const oneOnOnes = parseChips(document, Date.now(), isOneOnOneTitle);
    const fresh = oneOnOnes.filter((chip) => {
      const key = `${chip.start}|${chip.end}|${chip.title}`;
      if (sent.get(chip.eventId) === key) return false;
      sent.set(chip.eventId, key);
      return true;
    });
    for (let i = 0; i < fresh.length; i += BATCH) {
      sendMessage('recordCalendarChips', { chips: fresh.slice(i, i + BATCH) }).then(
        // A 1on1 of a series never opened yet: try again once the user has opened one.
        ({ unresolved }) => unresolved.forEach((id) => sent.delete(id)),
        (error: unknown) => console.warn('Taiwa could not record calendar chips:', error),
      );
    }
  };
  observeMutations(
    document.body,
    scan,
    ctx.signal,
    { childList: true, subtree: true },
    SCAN_DELAY_MS,
  );
  ctx.setTimeout(scan, SCAN_DELAY_MS);
}
