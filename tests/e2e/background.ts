import type { Frame, Page } from '@playwright/test';
import type { Meeting } from '../../utils/model/entities';
import { sendFromPage } from '../support/message.mjs';

/**
 * Sends a protocol message from an extension page (or an extension frame, e.g. the Meet sidebar,
 * for the messages that answer per tab) and returns the handler's answer (or throws its error).
 */
export function callBackground<T = unknown>(
  page: Page | Frame,
  type: string,
  data?: unknown,
): Promise<T> {
  return sendFromPage<T>(page, type, data);
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

/**
 * Every meeting whose time (planned start, else held, else created) falls in [from, to), oldest
 * first; deleted ones are not indexed there. Read straight from the database in an extension page
 * (same origin as the background): the background has no read of all meetings, since only tests
 * wanted one. Read only; a database that does not exist yet is not created.
 */
export async function meetingsBetween(page: Page, from: number, to: number): Promise<Meeting[]> {
  return page.evaluate(
    ([from, to]) =>
      new Promise<Meeting[]>((resolve, reject) => {
        const open = indexedDB.open('taiwa');
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          const read = db
            .transaction('meetings')
            .objectStore('meetings')
            .index('at')
            .getAll(IDBKeyRange.bound(from, to, false, true));
          read.onsuccess = () => (db.close(), resolve(read.result as Meeting[]));
          read.onerror = () => (db.close(), reject(read.error));
        };
      }),
    [from, to] as const,
  );
}

/** The id of the live meeting recorded for a calendar event, read from the database, or null. */
export async function meetingOfEvent(page: Page, eventId: string): Promise<string | null> {
  const meetings = await meetingsBetween(page, 0, 8.64e15);
  return meetings.find((m) => m.eventId === eventId && !m.deleted)?.id ?? null;
}
