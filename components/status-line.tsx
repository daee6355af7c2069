import { i18n } from '#i18n';
import { useBackgroundStatus } from '@/hooks/use-background-status';

/** One quiet line: the version the background reports, or a visible error when it is down. */
export function StatusLine() {
  const status = useBackgroundStatus();
  return (
    <p className="status" role="status" data-testid="background-status" data-state={status.state}>
      {status.state === 'ok' && i18n.t('common.version', [status.status.version])}
      {status.state === 'offline' && i18n.t('common.backgroundOffline')}
    </p>
  );
}
