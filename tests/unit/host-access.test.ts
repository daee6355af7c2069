import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  askHostAccess,
  ensureFeedAccess,
  ensureHostAccess,
} from '@/entrypoints/options/host-access';
import { hostPattern } from '@/utils/sync-url';

const server = new URL('https://couch.example.com/');

function permissions(granted: boolean, answer: boolean) {
  const contains = vi.fn(async () => granted);
  const request = vi.fn(async () => answer);
  Object.assign(fakeBrowser.permissions, { contains, request });
  return { contains, request };
}

afterEach(() => vi.unstubAllGlobals());

describe('access to the sync server', () => {
  it('is not asked for again once granted', async () => {
    const { request } = permissions(true, false);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    expect(await ensureHostAccess(server)).toBe('granted');
    expect(request).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is not needed when the server already allows this extension by CORS', async () => {
    const { contains, request } = permissions(false, false);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"couchdb":"Welcome"}')),
    );
    expect(await ensureHostAccess(server)).toBe('reachable');
    expect(contains).toHaveBeenCalledWith({ origins: ['https://couch.example.com/*'] });
    expect(request).not.toHaveBeenCalled();
  });

  it('is asked of the user for that one origin otherwise, and a refusal is an answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const granted = permissions(false, true);
    expect(await ensureHostAccess(server)).toBe('granted');
    expect(granted.request).toHaveBeenCalledWith({ origins: ['https://couch.example.com/*'] });
    permissions(false, false);
    expect(await ensureHostAccess(server)).toBe('refused');
  });

  it('asks for the host without its port, which Firefox refuses in a pattern (and Chrome reads as any port)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('NetworkError'))),
    );
    const { contains, request } = permissions(false, true);
    const local = new URL('http://127.0.0.1:5984/');
    expect(await ensureHostAccess(local)).toBe('granted');
    expect(contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(hostPattern('https://couch.example.com:6984/taiwa')).toBe('https://couch.example.com/*');
  });

  it('needs a click of its own when the browser refuses to ask after the checks (Firefox)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('NetworkError'))),
    );
    const { request } = permissions(false, true);
    request.mockRejectedValueOnce(
      new Error('permissions.request may only be called from a user input handler'),
    );
    // Never a hang and never an unhandled failure: the page offers one more click.
    expect(await ensureHostAccess(server)).toBe('needs-click');
    // That click asks at once, and its answer is the browser's.
    await expect(askHostAccess(server)).resolves.toBe(true);
    expect(request).toHaveBeenLastCalledWith({ origins: ['https://couch.example.com/*'] });
  });
});

describe('access to a calendar feed', () => {
  const feed = new URL('https://outlook.example.com/owa/calendar/abc/reachcalendar.ics');

  it('needs nothing when the origin is granted (Google Calendar always is)', async () => {
    const { request } = permissions(true, false);
    expect(await ensureFeedAccess(feed)).toBe('granted');
    expect(request).not.toHaveBeenCalled();
  });

  it('is not asked for when the server answers this page at all, even with an error', async () => {
    const { request } = permissions(false, false);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Not Found', { status: 404 })),
    );
    expect(await ensureFeedAccess(feed)).toBe('reachable');
    expect(request).not.toHaveBeenCalled();
  });

  it('is asked for that one origin otherwise, and a refusal is an answer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const granted = permissions(false, true);
    expect(await ensureFeedAccess(feed)).toBe('granted');
    expect(granted.request).toHaveBeenCalledWith({ origins: ['https://outlook.example.com/*'] });
    permissions(false, false);
    expect(await ensureFeedAccess(feed)).toBe('refused');
  });

  it('never waits forever on a prompt nobody answers (headless browsers show none)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    Object.assign(fakeBrowser.permissions, {
      contains: vi.fn(async () => false),
      request: vi.fn(() => new Promise(() => {})),
    });
    expect(await ensureFeedAccess(feed, 30)).toBe('unanswered');
  });
});
