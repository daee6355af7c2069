import { i18n } from '#i18n';
import { useEffect } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { HealthReport } from '@/utils/messaging/views';
import { useLive } from './use-live';

const surfaceText = (report: HealthReport) =>
  report.surface === 'calendar' ? i18n.t('health.calendar') : i18n.t('health.meet');

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
          {surfaceText(report)} ({report.problems.join(', ')})
        </span>
      ))}
    </p>
  );
}
