import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { calendarProblems } from '@/utils/google/calendar/health';
import { sendMessage } from '@/utils/messaging/protocol';

/** How often the anchors are checked, and how many checks in a row make a problem real. */
const CHECK_EVERY_MS = 3_000;
const CONFIRMATIONS = 2;

/**
 * The health check: Calendar pages change without notice. A problem seen in consecutive checks
 * (not a page still loading) is reported, and reported gone when it clears, so the toolbar and
 * the popup show a degraded state instead of Taiwa silently doing nothing.
 */
export function watchHealth(ctx: ContentScriptContext): void {
  let streak = 0;
  // Unknown at first: the first check always reports, clearing what an earlier page in this
  // tab may have reported.
  let reported: string | null = null;
  let pending = '';
  const check = () => {
    const problems = calendarProblems(document);
    const key = problems.join(',');
    streak = key === pending ? streak + 1 : 1;
    pending = key;
    if (key === reported || (problems.length && streak < CONFIRMATIONS)) return;
    reported = key;
    sendMessage('reportHealth', { surface: 'calendar', problems }).catch(() => {
      reported = null;
    });
  };
  ctx.setInterval(check, CHECK_EVERY_MS);
}
