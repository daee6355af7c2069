import { i18n } from '#i18n';
import type {
  SyncErrorKind,
  SyncFailure,
  SyncRejectReason,
  SyncStatus,
} from '@/utils/messaging/sync-status';
import { ago } from './locale';

/** Each failure in words (sync.error.*): named apart so the user knows what to fix. */
const ERROR_TEXT: Record<SyncErrorKind, (status?: number) => string> = {
  'bad-url': () => i18n.t('sync.error.badUrl'),
  'insecure-url': () => i18n.t('sync.error.insecureUrl'),
  permission: () => i18n.t('sync.error.permission'),
  dns: () => i18n.t('sync.error.dns'),
  tls: () => i18n.t('sync.error.tls'),
  refused: () => i18n.t('sync.error.refused'),
  offline: () => i18n.t('sync.error.offline'),
  cors: () => i18n.t('sync.error.cors'),
  timeout: () => i18n.t('sync.error.timeout'),
  unauthorized: () => i18n.t('sync.error.unauthorized'),
  forbidden: () => i18n.t('sync.error.forbidden'),
  'not-found': () => i18n.t('sync.error.notFound'),
  'too-large': () => i18n.t('sync.error.tooLarge'),
  'rate-limited': () => i18n.t('sync.error.rateLimited'),
  server: (status) => i18n.t('sync.error.server', [status ? `HTTP ${status}` : 'HTTP 5xx']),
  'bad-response': () => i18n.t('sync.error.badResponse'),
  'response-too-large': () => i18n.t('sync.error.responseTooLarge'),
  'not-couchdb': () => i18n.t('sync.error.notCouchdb'),
  'no-database': () => i18n.t('sync.error.noDatabase'),
  'not-empty': () => i18n.t('sync.error.notEmpty'),
  'has-data': () => i18n.t('sync.error.hasData'),
  'no-keyring': () => i18n.t('sync.error.noKeyring'),
  'wrong-passphrase': () => i18n.t('sync.error.wrongPassphrase'),
  'weak-passphrase': () => i18n.t('sync.tooShort'),
  replaced: () => i18n.t('sync.error.replaced'),
  'not-set-up': () => i18n.t('sync.error.notSetUp'),
  'delete-refused': () => i18n.t('sync.error.deleteRefused'),
};

/** Records left unapplied, by why (sync.rejected*): a rollback is not a decryption failure. */
const REJECTED_TEXT: Record<SyncRejectReason, (count: string) => string> = {
  tampered: (count) => i18n.t('sync.rejected', [count]),
  rollback: (count) => i18n.t('sync.rejectedRollback', [count]),
  clock: (count) => i18n.t('sync.rejectedClock', [count]),
};

export function syncErrorText(failure: SyncFailure): string {
  return ERROR_TEXT[failure.kind](failure.status);
}

/** The status as a few short sentences: when it last worked, what waits, what went wrong. */
export function syncStatusLines(status: SyncStatus, now = Date.now()): string[] {
  if (!status.enabled) return [i18n.t('sync.statusOff')];
  const lines = [
    status.running
      ? i18n.t('sync.statusRunning')
      : status.lastSyncAt
        ? i18n.t('sync.statusOk', [ago(status.lastSyncAt, now)])
        : i18n.t('sync.statusNever'),
    status.pending ? i18n.t('sync.pending', [String(status.pending)]) : i18n.t('sync.noPending'),
  ];
  if (status.lastError) lines.push(syncErrorText(status.lastError));
  if (status.state === 'stopped') lines.push(i18n.t('sync.stoppedHint'));
  if (status.state === 'retrying' && status.nextAttemptAt) {
    lines.push(i18n.t('sync.retryAt', [ago(status.nextAttemptAt, now)]));
  }
  for (const [reason, count] of Object.entries(status.rejectedFor)) {
    if (count) lines.push(REJECTED_TEXT[reason as SyncRejectReason](String(count)));
  }
  return lines;
}
