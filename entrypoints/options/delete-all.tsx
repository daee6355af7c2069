import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { write } from '@/utils/pages/send';
import { syncErrorText } from '@/utils/pages/sync-messages';
import { useSyncStatus } from '@/components/sync-status-line';

/**
 * Deletes everything Taiwa holds on this device, after the user says so twice; with sync on,
 * the copy on the sync server too when asked (its failure deletes nothing here).
 */
export function DeleteAll() {
  const id = useId();
  const sync = useSyncStatus();
  const syncing = sync.state === 'ready' && sync.value.enabled;
  const [sure, setSure] = useState(false);
  const [serverCopy, setServerCopy] = useState(false);
  const [outcome, setOutcome] = useState<{ error: boolean; message: string } | null>(null);
  const withServer = syncing && serverCopy;

  const deleteAll = async () => {
    setSure(false); // also keeps the button off while it works
    const result = await write('deleteAll', {
      confirm: 'delete-everything',
      serverCopy: withServer,
    });
    if (!result) return;
    if (!result.ok) {
      const message = `${syncErrorText(result.error)} ${i18n.t('options.deleteServerFailed')}`;
      return setOutcome({ error: true, message });
    }
    const message = withServer ? i18n.t('options.deletedWithServer') : i18n.t('options.deleted');
    setOutcome({ error: false, message });
  };

  return (
    <section className="block danger-zone" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('options.deleteHeading')}</h2>
      <p>{i18n.t('options.deleteHint')}</p>
      {syncing && (
        <>
          <label className="inline">
            <input
              type="checkbox"
              checked={serverCopy}
              data-testid="delete-all-server"
              aria-describedby={`${id}-server-note`}
              onChange={(e) => setServerCopy(e.target.checked)}
            />
            {i18n.t('options.deleteServer')}
          </label>
          <p id={`${id}-server-note`} className="muted small">
            {i18n.t('options.deleteServerNote')}
          </p>
        </>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={sure}
          data-testid="delete-all-sure"
          onChange={(e) => {
            setSure(e.target.checked);
            setOutcome(null);
          }}
        />
        {i18n.t('options.deleteSure')}
      </label>
      <button
        type="button"
        className="danger"
        disabled={!sure}
        data-testid="delete-all"
        onClick={() => void deleteAll()}
      >
        {i18n.t('options.deleteAll')}
      </button>
      <p role={outcome?.error ? 'alert' : 'status'} className={outcome?.error ? 'error' : ''}>
        {outcome?.message ?? ''}
      </p>
    </section>
  );
}
