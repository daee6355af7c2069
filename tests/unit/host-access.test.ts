import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureHostAccess } from '@/entrypoints/options/host-access';

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
});
