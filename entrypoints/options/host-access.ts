import { browser } from 'wxt/browser';

export type HostAccess = 'granted' | 'reachable' | 'refused';

/** How long the "does it already answer us?" check may take before the browser is asked. */
const REACH_TIMEOUT_MS = 1_500;

/**
 * Makes sure Taiwa may talk to the sync server, asking for as little as possible: host access
 * already granted; or the server already allows this extension's origin by CORS (then no
 * permission is needed at all); otherwise the browser asks the user for that one origin
 * (optional_host_permissions). Runs in the page, inside the click that started the setup, since
 * the browser shows its prompt only for a user gesture.
 */
export async function ensureHostAccess(server: URL): Promise<HostAccess> {
  const origins = [`${server.origin}/*`];
  if (await browser.permissions.contains({ origins })) return 'granted';
  if (await answersThisOrigin(server)) return 'reachable';
  return (await browser.permissions.request({ origins })) ? 'granted' : 'refused';
}

async function answersThisOrigin(server: URL): Promise<boolean> {
  try {
    const response = await fetch(server.href, {
      credentials: 'omit',
      signal: AbortSignal.timeout(REACH_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}
