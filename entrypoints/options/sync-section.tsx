import { i18n } from '#i18n';
import { useId, useState } from 'react';
import { syncErrorText } from '@/utils/pages/sync-messages';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { SyncStatusLine, useSyncStatus } from '@/components/sync-status-line';
import { act, write } from '@/utils/pages/send';
import { sendMessage } from '@/utils/messaging/protocol';
import type { SyncOffer } from '@/utils/messaging/sync-status';
import { MIN_PASSPHRASE, parseServerUrl } from '@/utils/sync-url';
import { askHostAccess, ensureHostAccess, type HostAccess } from './host-access';
import { SyncSetupForm, type SetupFields } from './sync-setup-form';

type Consent = { createDatabase?: boolean; replaceServerData?: boolean };

type Outcome =
  | { state: 'idle' }
  | { state: 'busy'; message: string }
  /** Access to the server must be asked for in a click of its own (Firefox). */
  | { state: 'allow'; url: URL; fields: SetupFields; consent: Consent }
  | { state: 'error'; message: string }
  | { state: 'offer'; offer: SyncOffer }
  | { state: 'done'; message: string };

/**
 * Sync setup and status (docs/architecture.md § Sync). Off until the user connects; the setup says
 * what the server can and cannot see before anything is sent, and each failure in its own words.
 */
export function SyncSection() {
  const id = useId();
  const status = useSyncStatus();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const [confirmForget, setConfirmForget] = useState(false);
  const enabled = status.state === 'ready' && status.value.enabled;

  const connect = async (fields: SetupFields, consent: Consent = {}, allowed = false) => {
    if (fields.mode === 'first' && fields.passphrase.length < MIN_PASSPHRASE) {
      return setOutcome({ state: 'error', message: i18n.t('sync.tooShort') });
    }
    if (fields.mode === 'first' && fields.passphrase !== fields.passphraseRepeat) {
      return setOutcome({ state: 'error', message: i18n.t('sync.mismatch') });
    }
    const url = parseServerUrl(fields.url);
    if (typeof url === 'string') {
      return setOutcome({ state: 'error', message: syncErrorText({ kind: url, at: Date.now() }) });
    }
    if (!allowed) {
      setOutcome({ state: 'busy', message: i18n.t('sync.askingAccess', [url.host]) });
      let access: HostAccess;
      try {
        access = await ensureHostAccess(url);
      } catch (error) {
        return setOutcome({ state: 'error', message: messageOf(error) });
      }
      if (access === 'needs-click') return setOutcome({ state: 'allow', url, fields, consent });
      if (access === 'refused') {
        return setOutcome({ state: 'error', message: i18n.t('sync.accessRefused', [url.host]) });
      }
    }
    setOutcome({ state: 'busy', message: i18n.t('sync.connecting') });
    const { passphraseRepeat, ...request } = fields;
    try {
      const result = await sendMessage('syncConnect', { ...request, url: url.href, ...consent });
      if (result.ok) setOutcome({ state: 'done', message: i18n.t('sync.connected') });
      else if (result.offer) setOutcome({ state: 'offer', offer: result.offer });
      else setOutcome({ state: 'error', message: syncErrorText(result.error) });
    } catch (error) {
      setOutcome({ state: 'error', message: messageOf(error) });
    }
  };

  /** The click that asks for access: the request goes out before anything else is awaited. */
  const allowThenConnect = ({ url, fields, consent }: Extract<Outcome, { state: 'allow' }>) => {
    const asked = askHostAccess(url);
    setOutcome({ state: 'busy', message: i18n.t('sync.askingAccess', [url.host]) });
    void asked.then(
      (granted) =>
        granted
          ? connect(fields, consent, true)
          : setOutcome({ state: 'error', message: i18n.t('sync.accessRefused', [url.host]) }),
      (error: unknown) => setOutcome({ state: 'error', message: messageOf(error) }),
    );
  };

  return (
    <section className="block" id="sync" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('options.syncHeading')}</h2>
      <p>{i18n.t('sync.intro')}</p>
      <h3>{i18n.t('sync.seesHeading')}</h3>
      <p className="small">{i18n.t('sync.sees')}</p>
      <p className="small">{i18n.t('sync.seesVersions')}</p>
      {enabled && status.state === 'ready' ? (
        <>
          <p>{i18n.t('sync.connectedTo', [status.value.server ?? ''])}</p>
          <SyncStatusLine />
          <div className="form-actions">
            <button
              type="button"
              data-testid="sync-now"
              disabled={status.value.running}
              onClick={() => void write('syncNow', undefined)}
            >
              {i18n.t('sync.now')}
            </button>
            <button
              type="button"
              aria-expanded={confirmForget}
              onClick={() => setConfirmForget(true)}
            >
              {i18n.t('sync.forget')}
            </button>
          </div>
          <p className="muted small">{i18n.t('sync.forgetHint')}</p>
          {confirmForget && (
            <ConfirmDialog
              message={i18n.t('sync.forgetConfirm')}
              cancelLabel={i18n.t('sync.cancel')}
              onCancel={() => setConfirmForget(false)}
              confirmLabel={i18n.t('sync.forgetYes')}
              confirmTestId="sync-forget"
              danger
              onConfirm={() =>
                void act('syncForget', { confirm: 'forget-this-device' }).then((ok) => {
                  setConfirmForget(false);
                  if (ok) setOutcome({ state: 'done', message: i18n.t('sync.forgotten') });
                })
              }
            />
          )}
        </>
      ) : (
        <>
          <SyncStatusLine />
          <SyncSetupForm
            busy={outcome.state === 'busy'}
            offer={outcome.state === 'offer' ? outcome.offer : null}
            onConnect={(fields, consent) => void connect(fields, consent)}
            onDismissOffer={() => setOutcome({ state: 'idle' })}
          />
          {outcome.state === 'allow' && (
            <ConfirmDialog
              message={i18n.t('sync.allowAccess', [outcome.url.host])}
              confirmLabel={i18n.t('sync.allowButton', [outcome.url.host])}
              confirmTestId="sync-allow-access"
              onConfirm={() => allowThenConnect(outcome)}
              onCancel={() => setOutcome({ state: 'idle' })}
            />
          )}
        </>
      )}
      <p
        role={outcome.state === 'error' ? 'alert' : 'status'}
        className={outcome.state === 'error' ? 'error' : ''}
        data-testid="sync-outcome"
      >
        {'message' in outcome ? outcome.message : ''}
      </p>
    </section>
  );
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
