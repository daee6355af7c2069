// The wire format of @webext-core/messaging (utils/messaging/protocol.ts), for the code that
// talks to the background without the library: end-to-end tests, unit tests through the fake
// browser, benchmarks and the demo. The one copy of it: everything else builds on these. Plain
// ESM with JSDoc types so node runs it without a build step.
/* global chrome -- the page functions run in Taiwa's pages, where it is the extension API */

/**
 * A protocol message as the library sends it. Its listener checks `type` and `timestamp`; `id`
 * only pairs its log lines.
 * @param {string} type
 * @param {unknown} [data]
 */
export function encodeMessage(type, data) {
  return { id: 1, type, data, timestamp: Date.now() };
}

/**
 * The handler's answer in a reply (`{ res }`), or its error (`{ err }`) thrown.
 * @template T
 * @param {unknown} reply
 * @returns {T}
 */
export function decodeReply(reply) {
  const { res, err } = /** @type {{ res?: T, err?: { message?: string } }} */ (reply ?? {});
  if (err) throw new Error(err.message);
  return /** @type {T} */ (res);
}

/**
 * Sends a message from one of Taiwa's pages or frames (a Playwright page or frame showing it) and
 * returns the handler's answer, or throws its error. The message is built here and handed in.
 * @template T
 * @param {import('@playwright/test').Page | import('@playwright/test').Frame} page
 * @param {string} type
 * @param {unknown} [data]
 * @returns {Promise<T>}
 */
export async function sendFromPage(page, type, data) {
  const reply = await page.evaluate(
    (message) => new Promise((resolve) => chrome.runtime.sendMessage(message, resolve)),
    encodeMessage(type, data),
  );
  return decodeReply(reply);
}

/**
 * Defines `window.call(type, data)` in one of Taiwa's pages, for code that runs inside the page
 * (the benchmarks time calls there, without a round trip to node): made of the two functions
 * above, so the page speaks the same format.
 * @param {import('@playwright/test').Page} page
 */
export async function installPageCall(page) {
  await page.evaluate(`(() => {
    const encodeMessage = ${encodeMessage};
    const decodeReply = ${decodeReply};
    window.call = (type, data) =>
      new Promise((resolve) => chrome.runtime.sendMessage(encodeMessage(type, data), resolve)).then(
        decodeReply,
      );
  })()`);
}
