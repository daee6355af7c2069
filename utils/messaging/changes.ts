import { browser } from 'wxt/browser';
import { TABLE_NAMES } from '@/utils/model/enums';
import type { TableName } from '@/utils/model/entities';

export const CHANGES_PORT = 'taiwa:changes';

/**
 * What changed: a table of the database, or `calls`, the Meet calls the background follows
 * (their phase, whose they are, talk time), which change without a database write; `sync` and
 * `feed`, the state of sync and of the calendar feed.
 */
export type ChangeTopic = TableName | 'calls' | 'sync' | 'feed';

/** What a keyboard shortcut asks of the views in the tab it was pressed in. */
export type ViewCommand = 'add-action';

/**
 * Sent to every open view after a write commits, and when a call changes; a shortcut's command
 * goes (with no tables) only to the views of the tab it was pressed in.
 */
export interface ChangeEvent {
  tables: ChangeTopic[];
  command?: ViewCommand;
}

/**
 * Calls `onChange` whenever the background reports a write, until `signal` aborts. Reconnects
 * when the service worker restarts (its ports close with it) and then reports a change to every
 * table, since writes may have happened while disconnected.
 */
export function subscribeToChanges(
  onChange: (event: ChangeEvent) => void,
  signal: AbortSignal,
): void {
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = (reconnected: boolean) => {
    if (signal.aborted) return;
    const port = browser.runtime.connect({ name: CHANGES_PORT });
    port.onMessage.addListener((event: ChangeEvent) => onChange(event));
    port.onDisconnect.addListener(() => {
      retry = setTimeout(() => connect(true), 250);
    });
    signal.addEventListener('abort', () => port.disconnect(), { once: true });
    if (reconnected) onChange({ tables: [...TABLE_NAMES, 'calls'] });
  };
  signal.addEventListener('abort', () => clearTimeout(retry), { once: true });
  connect(false);
}

/** Calls `onCommand` when a keyboard shortcut pressed in this view's tab asks something of it. */
export function subscribeToCommands(
  onCommand: (command: ViewCommand) => void,
  signal: AbortSignal,
): void {
  subscribeToChanges((event) => event.command && onCommand(event.command), signal);
}
