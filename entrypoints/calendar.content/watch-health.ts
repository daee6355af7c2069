import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createHealthReporter } from '@/utils/dom/health-reporter';
import { calendarProblems, calendarStructure } from '@/utils/google/calendar/health';

/** How often the anchors are checked. */
const CHECK_EVERY_MS = 3_000;

/** The health check: Calendar pages change without notice (see createHealthReporter). */
export function watchHealth(ctx: ContentScriptContext): void {
  const report = createHealthReporter('calendar', () => calendarStructure(document));
  ctx.setInterval(() => report(calendarProblems(document)), CHECK_EVERY_MS);
}
