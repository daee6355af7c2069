import type { Browser } from 'wxt/browser';

type Listener = (message: unknown) => void;

/**
 * Two connected ends of a runtime port in one process, so a page-side client and a background
 * handler can be tested against each other (the fake browser has no runtime.connect).
 */
export function portPair(name: string): {
  page: Browser.runtime.Port;
  background: Browser.runtime.Port;
} {
  const make = () => {
    const messages: Listener[] = [];
    const disconnects: (() => void)[] = [];
    return { messages, disconnects };
  };
  const a = make();
  const b = make();
  let open = true;
  const end = (self: typeof a, other: typeof a) =>
    ({
      name,
      postMessage: (message: unknown) => {
        if (!open) throw new Error('Attempting to use a disconnected port object');
        const copy = JSON.parse(JSON.stringify(message)) as unknown;
        queueMicrotask(() => other.messages.forEach((fn) => fn(copy)));
      },
      disconnect: () => {
        if (!open) return;
        open = false;
        queueMicrotask(() => other.disconnects.forEach((fn) => fn()));
      },
      onMessage: { addListener: (fn: Listener) => self.messages.push(fn) },
      onDisconnect: { addListener: (fn: () => void) => self.disconnects.push(fn) },
    }) as unknown as Browser.runtime.Port;
  return { page: end(a, b), background: end(b, a) };
}
