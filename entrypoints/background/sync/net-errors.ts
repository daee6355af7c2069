import { browser, type Browser } from 'wxt/browser';
import { hostPattern } from '@/utils/sync-url';

/**
 * The browser's own error codes (net::ERR_NAME_NOT_RESOLVED, net::ERR_CERT_…) for requests to
 * the sync server, seen through webRequest while a sync step runs: `fetch` itself only says
 * "failed", and the user deserves to know whether it was the name, the certificate or the line.
 * webRequest reports only origins Taiwa has host access to; it observes, it never blocks.
 */
export function watchNetErrors(origin: string): {
  lookup(url: string): Promise<string | undefined>;
  stop(): void;
} {
  const events = browser.webRequest?.onErrorOccurred;
  if (!events) return { lookup: async () => undefined, stop: () => {} };
  const errors = new Map<string, string>();
  let last: string | undefined;
  const listener = (details: Browser.webRequest.OnErrorOccurredDetails) => {
    errors.set(details.url, details.error);
    last = details.error;
  };
  try {
    events.addListener(listener, { urls: [hostPattern(origin)] });
  } catch {
    // A browser without webRequest observation: failures are then described more broadly.
    return { lookup: async () => undefined, stop: () => {} };
  }
  return {
    async lookup(url) {
      // The event may come a moment after fetch has rejected.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return errors.get(url) ?? last;
    },
    stop: () => events.removeListener(listener),
  };
}

/** Whether the user granted Taiwa access to the sync server's origin (optional_host_permissions). */
export async function hasHostAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [hostPattern(origin)] });
  } catch {
    return false;
  }
}
