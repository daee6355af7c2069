import { browser, type Browser } from 'wxt/browser';
import { refusal, type SenderRule } from '@/utils/messaging/senders';

const whyRefused = (sender: Browser.runtime.MessageSender, rule: SenderRule) =>
  refusal(sender, rule, browser.runtime.id, browser.runtime.getURL('/'));

/**
 * Throws unless the sender is allowed by `rule`. Called first for every message, so a refused
 * message changes nothing; the error travels back to the sender as a rejected promise.
 */
export function assertSender(sender: Browser.runtime.MessageSender, rule: SenderRule): void {
  const why = whyRefused(sender, rule);
  if (why) throw new Error(why);
}

/**
 * Calls `serve` for each port named `name` that a sender allowed by `rule` opens; any other
 * opener is disconnected at once. Ports carry user data (backups) or say what changed, so only
 * Taiwa's pages, and the frames in Google's tabs only where they are listed (api/policy.ts).
 */
export function onPagePort(
  name: string,
  rule: SenderRule,
  serve: (port: Browser.runtime.Port) => void,
): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== name) return;
    if (port.sender && !whyRefused(port.sender, rule)) serve(port);
    else port.disconnect();
  });
}
