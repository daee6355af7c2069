import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { observeMutations } from '@/utils/dom/observe-mutations';
import { parseChips } from '@/utils/google/calendar/chips';
import { sendMessage } from '@/utils/messaging/protocol';

/** Chips change with the week shown; one look a second is plenty for "upcoming 1on1s". */
const SCAN_DELAY_MS = 1_000;
const BATCH = 200;

/**
 * Reports the event chips of the grid to the background, which records the 1on1s among them as
 * planned meetings. Each chip is sent once per title and time, so scrolling weeks back and forth
 * costs nothing after the first look.
 */
export function recordGridChips(ctx: ContentScriptContext): void {
  const sent = new Set<string>();
  const scan = () => {
    const fresh = parseChips(document).filter((chip) => {
      const key = `${chip.eventId}|${chip.start}|${chip.end}|${chip.title}`;
      if (sent.has(key)) return false;
      sent.add(key);
      return true;
    });
    for (let i = 0; i < fresh.length; i += BATCH) {
      sendMessage('recordCalendarChips', { chips: fresh.slice(i, i + BATCH) }).catch(
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
