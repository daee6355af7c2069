import { i18n } from '#i18n';
import type { Browser } from 'wxt/browser';
import type { z } from 'zod';
import { inputs } from '@/utils/messaging/inputs';
import { onMessage, type ProtocolMap } from '@/utils/messaging/protocol';
import type { SenderKind } from '@/utils/messaging/senders';
import { assertSender } from './sender-guard';

type Input<K extends keyof ProtocolMap> = z.output<(typeof inputs)[K]>;
type Output<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

/**
 * Who may send what. Google tabs only report what they see. Taiwa's own top-level pages may ask
 * anything; the panel and sidebar frames inside Google's tabs only what they use (FROM_VIEWS),
 * never the admin messages (delete all, settings, backups, exports, sync).
 */
export const FROM_PAGES = ['extension-page'] as const satisfies readonly SenderKind[];
export const FROM_VIEWS = [
  'extension-page',
  'embedded-frame',
] as const satisfies readonly SenderKind[];
export const FROM_CALENDAR = ['calendar-tab'] as const satisfies readonly SenderKind[];

/**
 * Registers the handler of one message: checks the sender, then parses the payload with its zod
 * schema, and only then runs `fn`. A refused or invalid message changes nothing and its sender
 * gets an error that says why.
 */
export function handle<K extends keyof ProtocolMap>(
  type: K,
  from: readonly SenderKind[],
  fn: (input: Input<K>, sender: Browser.runtime.MessageSender) => Output<K> | Promise<Output<K>>,
): void {
  const schema = inputs[type] as unknown as z.ZodType<Input<K>>;
  onMessage(type, (async ({
    data,
    sender,
  }: {
    data: unknown;
    sender: Browser.runtime.MessageSender;
  }) => {
    assertSender(sender, from);
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
        .join('; ');
      throw new Error(`Invalid ${type} request: ${where}`);
    }
    try {
      return await fn(parsed.data, sender);
    } catch (error) {
      throw inWords(error);
    }
  }) as never);
}

/**
 * A full disk is said in words (the raw error names the browser's storage internals): the
 * change was not saved, and the page keeps what was typed to try again.
 */
function inWords(error: unknown): unknown {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map(
    (e) => (e as { name?: unknown } | null)?.name,
  );
  return names.includes('QuotaExceededError') ? new Error(i18n.t('errors.quota')) : error;
}
