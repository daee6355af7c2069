import { z } from 'zod';
import { SyncError, kindOfNetworkFailure, kindOfStatus } from './errors';

/**
 * The most read from the server in one answer: 64 MB. The largest answer sync asks for is one
 * batch of records with their documents; even the largest record (a 200,000-character note) is
 * under 1 MB encrypted, and a batch that comes out larger is asked for again in halves (engine).
 * A server sending more is broken or hostile, and the answer is held and parsed whole in the
 * service worker's memory: it is not read.
 */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** `_bulk_docs` answers one result per document: a revision, or why it was refused. */
export const bulkSchema = z.array(
  z.object({ id: z.string(), rev: z.string().optional(), error: z.string().optional() }),
);

/** What the server answers, checked before use: a broken or hostile server is an error, not data. */
export function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new SyncError('bad-response', undefined, what);
  return parsed.data;
}

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
  /** Tests lower it; {@link MAX_RESPONSE_BYTES} otherwise. */
  maxResponseBytes?: number;
}

/**
 * The small part of CouchDB's HTTP API that sync uses (docs/architecture.md § Sync), with every
 * failure turned into a {@link SyncError}. Basic authentication on each request: no cookies, so
 * nothing depends on the browser's cookie rules for extension requests.
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
      text = await readCapped(response, this.options.maxResponseBytes ?? MAX_RESPONSE_BYTES);
    } catch (error) {
      if (error instanceof SyncError) throw error;
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

/** The body as text, read no further than `max` bytes (whatever Content-Length says, or omits). */
async function readCapped(response: Response, max: number): Promise<string> {
  const tooLarge = () => new SyncError('response-too-large', response.status);
  if (Number(response.headers.get('content-length')) > max) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}
