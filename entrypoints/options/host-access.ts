import { browser } from 'wxt/browser';
import { hostPattern } from '@/utils/sync-url';

/** `needs-click`: the browser asks only in a click's own turn, and the checks took too long. */
export type HostAccess = 'granted' | 'reachable' | 'refused' | 'needs-click';

/** How long the "does it already answer us?" check may take before the browser is asked. */
const REACH_TIMEOUT_MS = 1_500;

/**
 * Makes sure Taiwa may talk to the sync server, asking for as little as possible: host access
 * already granted; or the server already allows this extension's origin by CORS (then no
 * permission is needed at all); otherwise the browser asks the user for that one host
 * (optional_host_permissions; any port, see hostPattern). Runs in the page, inside the click that
 * started the setup, since the browser shows its prompt only for a user gesture.
 */
export async function ensureHostAccess(server: URL): Promise<HostAccess> {
  const origins = [hostPattern(server)];
  if (await browser.permissions.contains({ origins })) return 'granted';
  if (await answersThisOrigin(server)) return 'reachable';
  try {
    return (await askHostAccess(server)) ? 'granted' : 'refused';
  } catch {
    // Firefox asks only while the click itself is handled (checked in 153: "permissions.request
    // may only be called from a user input handler"), which the checks above outlasted. The user
    // clicks once more, and that click asks at once (askHostAccess).
    return 'needs-click';
  }
}

/**
 * Asks the browser (and so the user) for the server's one host. To be called in a click
 * handler before anything is awaited: Firefox refuses the request outside the click's own turn.
 */
export function askHostAccess(server: URL): Promise<boolean> {
  return browser.permissions.request({ origins: [hostPattern(server)] });
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

/** How long the browser's prompt is waited for before the flow goes on without its answer. */
export const PROMPT_WAIT_MS = 20_000;

/**
 * The same, for a calendar feed, with two differences: any answer the page can read counts as
 * reachable (a feed server that allows Taiwa by CORS may still answer 404, which the connect step
 * then says in words), and the browser's prompt is never waited for longer than
 * {@link PROMPT_WAIT_MS}: a prompt nobody answers (headless browsers never show one) is
 * 'unanswered', and the connect goes on and reports what it finds.
 */
export async function ensureFeedAccess(
  feed: URL,
  waitMs = PROMPT_WAIT_MS,
): Promise<HostAccess | 'unanswered'> {
  const origins = [`${feed.origin}/*`];
  if (await browser.permissions.contains({ origins })) return 'granted';
  if (await answersAtAll(feed)) return 'reachable';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unanswered = new Promise<'unanswered'>((resolve) => {
    timer = setTimeout(() => resolve('unanswered'), waitMs);
  });
  try {
    return await Promise.race([
      browser.permissions
        .request({ origins })
        .then((granted): HostAccess => (granted ? 'granted' : 'refused')),
      unanswered,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the feed's server answers this page at all (its headers only; the body is dropped). */
async function answersAtAll(feed: URL): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REACH_TIMEOUT_MS);
  try {
    const response = await fetch(feed.href, {
      credentials: 'omit',
      cache: 'no-store',
      signal: controller.signal,
    });
    void response.body?.cancel().catch(() => undefined);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
