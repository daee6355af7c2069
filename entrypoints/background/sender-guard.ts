import { browser, type Browser } from 'wxt/browser';
import { classifySender, type SenderKind } from '@/utils/messaging/senders';

/**
 * Throws unless the sender is one of `allowed`. Called first in every handler, so a refused
 * message changes nothing; the error travels back to the sender as a rejected promise.
 */
export function assertSender(
  sender: Browser.runtime.MessageSender,
  allowed: readonly SenderKind[],
): SenderKind {
  const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (!allowed.includes(kind)) {
    throw new Error(`Refused: this message is not accepted from ${kind} senders.`);
  }
  return kind;
}

/**
 * Calls `serve` for each port named `name` that one of `allowed` opens; any other opener is
 * disconnected at once. Ports carry user data (backups) or say what changed, so only Taiwa's
 * pages, and the frames in Google's tabs only where they are listed.
 */
export function onPagePort(
  name: string,
  allowed: readonly SenderKind[],
  serve: (port: Browser.runtime.Port) => void,
): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== name) return;
    const kind = port.sender
      ? classifySender(port.sender, browser.runtime.id, browser.runtime.getURL('/'))
      : 'untrusted';
    if (allowed.includes(kind)) serve(port);
    else port.disconnect();
  });
}
