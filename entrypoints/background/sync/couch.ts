import { SyncError, kindOfNetworkFailure, kindOfStatus } from './errors';

/** Where and as whom to sync: what the user typed in the options page. */
export interface CouchTarget {
  /** The server's origin and path prefix, without a trailing slash. */
  url: string;
  db: string;
  user: string;
  password: string;
}

export interface CouchOptions {
  timeoutMs?: number;
  /** The browser's error code for a request that failed (webRequest), when known. */
  netError?: (url: string) => Promise<string | undefined>;
  /** Whether the extension holds host access to the server (decides what a bare failure means). */
  granted?: boolean;
}

/**
 * The small part of CouchDB's HTTP API that sync uses (DESIGN.md, Sync), with every failure
 * turned into a {@link SyncError}. Basic authentication on each request: no cookies, so nothing
 * depends on the browser's cookie rules for extension requests.
 */
export class CouchClient {
  private readonly auth: string;

  constructor(
    readonly target: CouchTarget,
    private readonly options: CouchOptions = {},
  ) {
    const bytes = new TextEncoder().encode(`${target.user}:${target.password}`);
    this.auth = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  }

  /** A path under the database (`''` for the database itself). */
  dbPath(path = ''): string {
    return `/${encodeURIComponent(this.target.db)}${path}`;
  }

  /** Sends one request; answers its status and parsed body, or throws a {@link SyncError}. */
  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    accept: number[] = [],
  ): Promise<{ status: number; body: T }> {
    const url = `${this.target.url}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: this.auth,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new SyncError('timeout');
      }
      const netError = await this.options.netError?.(url);
      throw new SyncError(
        kindOfNetworkFailure(netError, this.options.granted ?? true),
        undefined,
        netError,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new SyncError(
        error instanceof DOMException && error.name === 'TimeoutError' ? 'timeout' : 'bad-response',
        response.status,
      );
    }
    if (!response.ok && !accept.includes(response.status)) {
      throw new SyncError(kindOfStatus(response.status), response.status);
    }
    try {
      return { status: response.status, body: JSON.parse(text) as T };
    } catch {
      throw new SyncError('bad-response', response.status, 'not JSON');
    }
  }
}
