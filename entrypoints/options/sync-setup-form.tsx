import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import type { SyncOffer } from '@/utils/messaging/sync-status';

export interface SetupFields {
  url: string;
  db: string;
  user: string;
  password: string;
  passphrase: string;
  passphraseRepeat: string;
  mode: 'first' | 'join';
}

type Consent = { createDatabase?: boolean; replaceServerData?: boolean };

/**
 * The sync setup fields (test ids: docs/architecture.md § Test contract). Nothing is sent until
 * "Connect"; the passphrase is asked twice on a first device, since a typo there would lock the
 * data away.
 */
export function SyncSetupForm({
  busy,
  offer,
  onConnect,
  onDismissOffer,
}: {
  busy: boolean;
  offer: SyncOffer | null;
  onConnect: (fields: SetupFields, consent?: Consent) => void;
  /** Escape on an offer: the user chose neither; they may change the fields and connect again. */
  onDismissOffer: () => void;
}) {
  const id = useId();
  const [fields, setFields] = useState<SetupFields>({
    url: '',
    db: 'taiwa',
    user: '',
    password: '',
    passphrase: '',
    passphraseRepeat: '',
    mode: 'first',
  });
  const [replaceSure, setReplaceSure] = useState(false);
  const set = (patch: Partial<SetupFields>) => setFields((f) => ({ ...f, ...patch }));
  const field = (
    key: 'url' | 'db' | 'user' | 'password' | 'passphrase' | 'passphraseRepeat',
    label: string,
    type: string,
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        required
        value={fields[key]}
        data-testid={key === 'passphraseRepeat' ? 'sync-passphrase-repeat' : `sync-${key}`}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        autoComplete={
          type === 'password' ? (key === 'password' ? 'current-password' : 'new-password') : 'off'
        }
        spellCheck={false}
        onChange={(e) => set({ [key]: e.target.value })}
      />
      {hint && (
        <p id={`${id}-${key}-hint`} className="muted small">
          {hint}
        </p>
      )}
    </div>
  );
  return (
    <form
      className="sync-form"
      onSubmit={(e) => {
        e.preventDefault();
        onConnect(fields);
      }}
    >
      {field('url', i18n.t('sync.url'), 'url', i18n.t('sync.urlHint'))}
      {field('db', i18n.t('sync.db'), 'text', i18n.t('sync.dbHint'))}
      {field('user', i18n.t('sync.user'), 'text')}
      {field('password', i18n.t('sync.password'), 'password')}
      <fieldset>
        <legend>{i18n.t('sync.modeLegend')}</legend>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-mode`}
            data-testid="sync-mode-first"
            checked={fields.mode === 'first'}
            onChange={() => set({ mode: 'first' })}
          />
          {i18n.t('sync.modeFirst')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-mode`}
            data-testid="sync-mode-join"
            checked={fields.mode === 'join'}
            onChange={() => set({ mode: 'join' })}
          />
          {i18n.t('sync.modeJoin')}
        </label>
      </fieldset>
      {field('passphrase', i18n.t('sync.passphrase'), 'password', i18n.t('sync.passphraseHint'))}
      {fields.mode === 'first' &&
        field('passphraseRepeat', i18n.t('sync.passphraseRepeat'), 'password')}
      <div className="form-actions">
        <button type="submit" data-testid="sync-connect" disabled={busy}>
          {i18n.t('sync.connect')}
        </button>
      </div>
      {offer === 'create-database' && (
        <ConfirmDialog
          message={i18n.t('sync.createOffer', [fields.db])}
          onCancel={onDismissOffer}
          confirmLabel={i18n.t('sync.createConfirm')}
          confirmTestId="sync-create-db"
          confirmDisabled={busy}
          onConfirm={() => onConnect(fields, { createDatabase: true })}
        />
      )}
      {offer === 'replace-server-data' && (
        <ConfirmDialog
          message={i18n.t('sync.replaceOffer')}
          onCancel={() => {
            setReplaceSure(false);
            onDismissOffer();
          }}
          confirmLabel={i18n.t('sync.replaceConfirm')}
          confirmTestId="sync-replace"
          confirmDisabled={busy || !replaceSure}
          danger
          onConfirm={() => onConnect(fields, { replaceServerData: true })}
        >
          <label className="inline">
            <input
              type="checkbox"
              checked={replaceSure}
              onChange={(e) => setReplaceSure(e.target.checked)}
            />
            {i18n.t('sync.replaceCheck')}
          </label>
        </ConfirmDialog>
      )}
    </form>
  );
}
