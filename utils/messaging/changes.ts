import { browser } from 'wxt/browser';
import { TABLE_NAMES } from '@/utils/model/enums';
import type { TableName } from '@/utils/model/entities';

export const CHANGES_PORT = 'taiwa:changes';

/**
 * What changed: a table of the database, or something the background keeps apart from it:
 * `calls`, the Meet calls it follows (their phase, whose they are, talk time); `sync`, the sync
 * state; `settings`; `health`, the Google tabs where Taiwa could not read the page; `events`,
 * the calendar events the Calendar tab reported (the panel's card); `feed`, the calendar feed's
 * state.
 */
export type ChangeTopic = TableName | 'calls' | 'sync' | 'settings' | 'health' | 'events' | 'feed';

/** Every topic: a view that reconnects hears all of them, since it may have missed any. */
export const ALL_TOPICS: readonly ChangeTopic[] = [
  ...TABLE_NAMES,
  'calls',
  'sync',
  'settings',
  'health',
  'events',
  'feed',
];

/** What a keyboard shortcut asks of the views in the tab it was pressed in. */
export type ViewCommand = 'add-action' | 'toggle-sidebar';

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
    if (reconnected) onChange({ tables: [...ALL_TOPICS] });
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
