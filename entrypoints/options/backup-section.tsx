import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { fetchBackup, RestoreStopped, restoreBackup } from '@/utils/messaging/backup-client';
import { downloadText } from '@/utils/pages/download';
import { uiLanguage } from '@/utils/pages/ui-language';

const count = (n: number) => n.toLocaleString(uiLanguage() === 'ja' ? 'ja-JP' : 'en-US');

type Outcome =
  | { state: 'idle' }
  | { state: 'busy'; done?: number; total?: number }
  | { state: 'done'; message: string }
  | { state: 'error'; message: string };

/**
 * Backup and restore of everything as one JSON file. A file with any problem changes nothing and
 * says what is wrong and where; a good one is written in steps, shown as they go, and a restore
 * stopped on the way has deleted nothing (restoring again finishes it). "Merge" keeps what is here and
 * takes the newer of each record; "replace" makes this browser hold exactly the file.
 */
export function BackupSection() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const run = async (task: () => Promise<string>) => {
    setOutcome({ state: 'busy' });
    try {
      setOutcome({ state: 'done', message: await task() });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setOutcome({
        state: 'error',
        message:
          e instanceof RestoreStopped
            ? i18n.t('options.restoreStopped', [count(e.done), count(e.total), message])
            : message,
      });
    }
  };
  const exportAll = () =>
    run(async () => {
      const backup = await fetchBackup();
      downloadText(backup.fileName, backup.text, 'application/json');
      return i18n.t('options.backupSaved', [backup.fileName]);
    });
  const restore = (chosen: File) =>
    run(async () => {
      const counts = await restoreBackup(await chosen.text(), mode, (done, total) =>
        setOutcome({ state: 'busy', done, total }),
      );
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return i18n.t('options.restored', [String(total), chosen.name]);
    });
  return (
    <section className="block" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('options.backupHeading')}</h2>
      <p className="muted small">{i18n.t('options.backupHint')}</p>
      <div className="form-actions">
        <button
          type="button"
          data-testid="export-json"
          disabled={outcome.state === 'busy'}
          onClick={() => void exportAll()}
        >
          {i18n.t('options.exportAll')}
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) void restore(file);
        }}
      >
        <label htmlFor={`${id}-file`}>{i18n.t('options.restoreFile')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <fieldset>
          <legend>{i18n.t('options.restoreMode')}</legend>
          <label className="inline">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'merge'}
              onChange={() => setMode('merge')}
            />
            {i18n.t('options.restoreMerge')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'replace'}
              data-testid="restore-replace"
              onChange={() => setMode('replace')}
            />
            {i18n.t('options.restoreReplace')}
          </label>
        </fieldset>
        <button
          type="submit"
          className="primary"
          disabled={!file || outcome.state === 'busy'}
          data-testid="restore"
        >
          {i18n.t('options.restore')}
        </button>
      </form>
      <div data-testid="backup-outcome" data-state={outcome.state}>
        {outcome.state === 'busy' && !outcome.total && (
          <p role="status">{i18n.t('options.working')}</p>
        )}
        {outcome.state === 'busy' && !!outcome.total && (
          <p role="status" data-testid="restore-progress">
            <label>
              {i18n.t('options.restoreProgress', [
                count(outcome.done ?? 0),
                count(outcome.total),
                String(Math.floor(((outcome.done ?? 0) / outcome.total) * 100)),
              ])}
              <progress max={outcome.total} value={outcome.done ?? 0} />
            </label>
          </p>
        )}
        {outcome.state === 'done' && <p role="status">{outcome.message}</p>}
        {outcome.state === 'error' && (
          <p role="alert" className="error pre">
            {outcome.message}
          </p>
        )}
      </div>
    </section>
  );
}
