import { STRUCTURE_MAX } from './page-structure';
import { sendMessage } from '@/utils/messaging/protocol';

/** How many checks in a row make a problem real (not a page still loading). */
const CONFIRMATIONS = 2;

/**
 * The health check's reporting half, for both Google pages: a problem seen in consecutive checks
 * is reported, and reported gone when it clears, so the toolbar and the panels show a degraded
 * state instead of Taiwa silently doing nothing. Call the returned function with each check's
 * problems (none when all is well); it sends only changes.
 */
export function createHealthReporter(
  surface: 'calendar' | 'meet',
  structureOf?: () => string,
): (problems: string[]) => void {
  let streak = 0;
  // Unknown at first: the first check always reports, clearing what an earlier page in this tab
  // may have reported.
  let reported: string | null = null;
  let pending = '';
  return (problems) => {
    const key = problems.join(',');
    streak = key === pending ? streak + 1 : 1;
    pending = key;
    if (key === reported || (problems.length && streak < CONFIRMATIONS)) return;
    reported = key;
    // A degraded page is sent with its redacted structure, for the user's bug report.
    const structure =
      problems.length && structureOf ? structureOf().slice(0, STRUCTURE_MAX) : undefined;
    sendMessage('reportHealth', { surface, problems, structure }).catch(() => {
      reported = null;
    });
  };
}
