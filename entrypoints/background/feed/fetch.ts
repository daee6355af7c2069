import type { FeedErrorKind } from '@/utils/messaging/feed-status';

/** The most read of a feed: 20 MB is years of a busy calendar (5,000 events are ~7 MB). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
/** A feed that takes longer than this, headers and body together, is too slow. */
export const FEED_TIMEOUT_MS = 30_000;

export class FeedFetchError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    readonly status?: number,
  ) {
    // Never the address: it is the secret, and errors end up in consoles.
    super(`The calendar feed could not be read (${kind}${status ? ` ${status}` : ''}).`);
  }
}

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** Taiwa holds host access to the feed's origin (decides what a bare failure means). */
  granted?: boolean;
}

/**
 * Downloads the feed as text, whole or not at all: no cookies sent, nothing cached, no more than
 * {@link MAX_FEED_BYTES} read (whatever Content-Length says or omits), within
 * {@link FEED_TIMEOUT_MS}. Each failure is a {@link FeedFetchError} of its own kind.
 */
export async function fetchFeedText(
  url: string,
  options: FetchOptions = {},
): Promise<{ text: string; bytes: number }> {
  const max = options.maxBytes ?? MAX_FEED_BYTES;
  const signal = AbortSignal.timeout(options.timeoutMs ?? FEED_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      headers: { Accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' },
      signal,
    });
  } catch (error) {
    throw failure(error, options.granted ?? true);
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    const status = response.status;
    if (status === 401 || status === 403) throw new FeedFetchError('unauthorized', status);
    if (status === 404 || status === 410) throw new FeedFetchError('not-found', status);
    throw new FeedFetchError('server', status);
  }
  if (Number(response.headers.get('content-length')) > max) {
    void response.body?.cancel().catch(() => undefined);
    throw new FeedFetchError('too-large');
  }
  if (!response.body) return { text: '', bytes: 0 };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > max) {
        void reader.cancel().catch(() => undefined);
        throw new FeedFetchError('too-large');
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    throw failure(error, true);
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), bytes };
}

function failure(error: unknown, granted: boolean): FeedFetchError {
  if (
    error instanceof DOMException &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  ) {
    return new FeedFetchError('timeout');
  }
  // Without host access, a bare failure is most often the server not allowing Taiwa by CORS.
  return new FeedFetchError(granted ? 'network' : 'permission');
}
