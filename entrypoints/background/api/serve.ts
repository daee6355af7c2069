import { i18n } from '#i18n';
import type { Browser } from 'wxt/browser';
import type { z } from 'zod';
import type { inputs } from '@/utils/messaging/inputs';
import { onMessage, type ProtocolMap } from '@/utils/messaging/protocol';
import type { SenderRule } from '@/utils/messaging/senders';
import { assertSender } from '../sender-guard';

/** A payload as its schema parsed it (defaults filled in). */
export type Input<K extends keyof ProtocolMap> = z.output<(typeof inputs)[K]>;
type Output<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

/** What the background does with one message, once its sender and payload are checked. */
export type Handler<K extends keyof ProtocolMap> = (
  input: Input<K>,
  sender: Browser.runtime.MessageSender,
) => Output<K> | Promise<Output<K>>;

/** One row of the policy table: the payload's schema, who may send it, and its handler. */
export interface Policy<K extends keyof ProtocolMap> {
  input: (typeof inputs)[K];
  from: SenderRule;
  run: Handler<K>;
}

/** The whole table: every message of the protocol has exactly one row. */
export type PolicyTable = { [K in keyof ProtocolMap]: Policy<K> };

/**
 * Registers every row of the table: each message's sender is checked, then its payload parsed
 * with its zod schema, and only then its handler runs. A refused or invalid message changes
 * nothing and its sender gets an error that says why. This is the only place that listens for
 * messages (a meta-test checks), so no handler escapes the table.
 */
export function serve(table: PolicyTable): void {
  for (const type of Object.keys(table) as (keyof ProtocolMap)[]) {
    const { input, from, run } = table[type] as unknown as Policy<typeof type>;
    onMessage(type, (async ({
      data,
      sender,
    }: {
      data: unknown;
      sender: Browser.runtime.MessageSender;
    }) => {
      assertSender(sender, from);
      const parsed = input.safeParse(data);
      if (!parsed.success) {
        const where = parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
          .join('; ');
        throw new Error(`Invalid ${type} request: ${where}`);
      }
      try {
        return await run(parsed.data as never, sender);
      } catch (error) {
        throw inWords(error);
      }
    }) as never);
  }
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
