/**
 * What the background tells pages about sync. Plain types and lists (no zod), so the options
 * page and the popup can name every state and error in words without loading the engine.
 */

/** Every way sync can fail, each with its own message in both languages (sync_error_*). */
export const SYNC_ERRORS = [
  'bad-url',
  'insecure-url',
  'permission',
  'dns',
  'tls',
  'refused',
  'offline',
  'cors',
  'timeout',
  'unauthorized',
  'forbidden',
  'not-found',
  'too-large',
  'rate-limited',
  'server',
  'bad-response',
  'response-too-large',
  'not-couchdb',
  'no-database',
  'not-empty',
  'has-data',
  'no-keyring',
  'wrong-passphrase',
  'weak-passphrase',
  'replaced',
  'not-set-up',
  'delete-refused',
] as const;
export type SyncErrorKind = (typeof SYNC_ERRORS)[number];

/**
 * Why a record from the server was left unapplied, each told in its own words: it did not
 * decrypt as a record of this data set ('tampered'), it is older than a version this device has
 * already seen there ('rollback'), or its clock is malformed or too far ahead ('clock').
 */
export const SYNC_REJECT_REASONS = ['tampered', 'rollback', 'clock'] as const;
export type SyncRejectReason = (typeof SYNC_REJECT_REASONS)[number];

/** A server document left unapplied, and why. */
export interface SyncRejection {
  id: string;
  reason: SyncRejectReason;
}

export interface SyncFailure {
  kind: SyncErrorKind;
  /** The HTTP status, when there was one. */
  status?: number;
  at: number;
}

export interface SyncStatus {
  enabled: boolean;
  /** Where to (origin and database), for the user to recognise; never the password. */
  server: string | null;
  running: boolean;
  /** 'stopped': it will not retry by itself (login refused, data replaced): the user acts. */
  state: 'off' | 'ok' | 'retrying' | 'stopped';
  lastSyncAt: number | null;
  pending: number;
  lastError: SyncFailure | null;
  nextAttemptAt: number | null;
  /** Server documents left unapplied (see {@link SYNC_REJECT_REASONS}). */
  rejected: number;
  /** The same, by reason. */
  rejectedFor: Partial<Record<SyncRejectReason, number>>;
}

/** What a setup attempt asks of the user before it can go on. */
export type SyncOffer = 'create-database' | 'replace-server-data';

/** "Delete all data" with the server copy: a failure there deletes nothing on this device. */
export type DeleteAllResult = { ok: true } | { ok: false; error: SyncFailure };

export type SyncSetupResult =
  { ok: true; status: SyncStatus } | { ok: false; error: SyncFailure; offer?: SyncOffer };
