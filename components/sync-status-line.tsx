import { syncStatusLines } from '@/utils/pages/sync-messages';
import { useLive } from '@/hooks/use-live';

/**
 * Sync's state in words, live: off, last sync, changes waiting, the last error. A polite live
 * region, so a screen reader hears a failure without losing its place.
 */
export function SyncStatusLine({ compact = false }: { compact?: boolean }) {
  const live = useSyncStatus();
  const status = live.state === 'ready' ? live.value : null;
  const lines = status ? syncStatusLines(status) : [];
  return (
    <div
      className={compact ? 'sync-status compact' : 'sync-status'}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-state={status?.state ?? 'loading'}
      data-pending={status?.pending ?? ''}
      data-last-sync={status?.lastSyncAt ?? ''}
    >
      {(compact ? lines.slice(0, status?.lastError ? 3 : 1) : lines).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** The status, for views that also act on it (the options page). */
export function useSyncStatus() {
  return useLive('getSyncStatus', undefined);
}
