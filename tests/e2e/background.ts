import type { Frame, Page } from '@playwright/test';

/**
 * Sends a protocol message from an extension page (or an extension frame, e.g. the Meet sidebar,
 * for the messages that answer per tab), in the wire format of @webext-core/messaging, and
 * returns the handler's answer (or throws its error).
 */
export async function callBackground<T = unknown>(
  page: Page | Frame,
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

/**
 * Counts, from now on, the changes of `topic` the background announces to its views (on the
 * `taiwa:changes` port every view holds): a Meet call's change follows each report of the content
 * script, for instance. Returns a function that reads the count, for `expect.poll`.
 */
export async function countChanges(
  page: Page | Frame,
  topic: string,
): Promise<() => Promise<number>> {
  const counted = await page.evaluateHandle((topic) => {
    const count = { value: 0 };
    chrome.runtime
      .connect({ name: 'taiwa:changes' })
      .onMessage.addListener((event: { tables: string[] }) => {
        if (event.tables.includes(topic)) count.value++;
      });
    return count;
  }, topic);
  return () => counted.evaluate((count) => count.value);
}
