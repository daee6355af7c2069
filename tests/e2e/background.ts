import type { Page } from '@playwright/test';

/**
 * Sends a protocol message from an extension page, in the wire format of
 * @webext-core/messaging, and returns the handler's answer (or throws its error).
 */
export async function callBackground<T = unknown>(
  page: Page,
  type: string,
  data?: unknown,
): Promise<T> {
  return page.evaluate(
    ([type, data]) =>
      new Promise<T>((resolve, reject) => {
        chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }, (reply) => {
          const { res, err } = (reply ?? {}) as { res?: T; err?: { message: string } };
          if (err) reject(new Error(err.message));
          else resolve(res as T);
        });
      }),
    [type, data] as const,
  );
}
