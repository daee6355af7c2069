import { i18n } from '#i18n';
import { useEffect } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { HealthReport } from '@/utils/messaging/views';
import { useLive } from './use-live';

const surfaceText = (report: HealthReport) =>
  report.surface === 'calendar' ? i18n.t('health.calendar') : i18n.t('health.meet');

/** The anchors a content script reports missing, in words (unknown codes are shown as they are). */
const problemText = (code: string) =>
  ({
    'view-family': i18n.t('health.problem.page'),
    grid: i18n.t('health.problem.grid'),
    'event-card': i18n.t('health.problem.card'),
    'edit-page': i18n.t('health.problem.editPage'),
    'call-state': i18n.t('health.problem.callState'),
    participants: i18n.t('health.problem.participants'),
    speaking: i18n.t('health.problem.speaking'),
  })[code] ?? code;

/**
 * The degraded state, in words: which Google page Taiwa could not read, and what it missed.
 * Polled while open (health is not a database write, so it has no change event).
 */
export function HealthLine({ surface }: { surface?: HealthReport['surface'] }) {
  const live = useLive<HealthReport[]>('health', () => sendMessage('getHealth', undefined), []);
  const { reload } = live;
  useEffect(() => {
    const timer = setInterval(reload, 3_000);
    return () => clearInterval(timer);
  }, [reload]);
  const reports =
    live.state === 'ready' ? live.value.filter((r) => !surface || r.surface === surface) : [];
  return (
    <p
      className={reports.length ? 'health degraded' : 'health'}
      data-testid="health"
      data-state={reports.length ? 'degraded' : 'ok'}
      role={reports.length ? 'alert' : undefined}
    >
      {reports.map((report) => (
        <span key={report.tabId}>
          {surfaceText(report)} ({report.problems.map(problemText).join(', ')})
        </span>
      ))}
    </p>
  );
}
