// Code passed to worker.evaluate() runs in the extension's service worker, where `chrome` is the
// extension API. Typed with WXT's browser types, which mirror it.
import type { WxtBrowser } from 'wxt/browser';

declare global {
  const chrome: WxtBrowser;
}
