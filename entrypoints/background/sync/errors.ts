import type { SyncErrorKind, SyncFailure } from '@/utils/messaging/sync-status';

/** A sync step that failed, in terms the user is told (utils/messaging/sync-status.ts). */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    readonly status?: number,
    detail?: string,
  ) {
    super(`Sync failed: ${kind}${status ? ` (HTTP ${status})` : ''}${detail ? `: ${detail}` : ''}`);
  }
}

/** A failure as pages are told it (they put it in words): its kind, its HTTP status, when. */
export function failureOf(error: SyncError, at = Date.now()): SyncFailure {
  return { kind: error.kind, at, ...(error.status ? { status: error.status } : {}) };
}

/** Worth trying again later by itself; everything else waits for the user. */
export function isTransient(kind: SyncErrorKind): boolean {
  return [
    'dns',
    'refused',
    'offline',
    'timeout',
    'rate-limited',
    'server',
    'bad-response',
  ].includes(kind);
}

/** The HTTP status of a failed response, as a kind. */
export function kindOfStatus(status: number): SyncErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-large';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-response';
}

/**
 * A fetch that failed before any response. `fetch` says only "failed"; the browser's own error
 * code (seen through webRequest, for an origin Taiwa may reach) tells name lookup, certificate
 * and connection apart. Without host access, a failure with no such code is the server refusing
 * this extension's origin (CORS).
 */
export function kindOfNetworkFailure(
  netError: string | undefined,
  granted: boolean,
): SyncErrorKind {
  if (!netError) return granted ? 'refused' : 'cors';
  if (/NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|DNS/.test(netError)) return 'dns';
  if (/CERT|SSL|TLS/.test(netError)) return 'tls';
  if (/INTERNET_DISCONNECTED|NETWORK_CHANGED/.test(netError)) return 'offline';
  if (/TIMED_OUT/.test(netError)) return 'timeout';
  if (/BLOCKED_BY_RESPONSE|CORS/.test(netError)) return 'cors';
  return 'refused';
}
