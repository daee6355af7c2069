import type { Browser } from 'wxt/browser';
import {
  CHANGES_PORT,
  type ChangeEvent,
  type ChangeTopic,
  type ViewCommand,
} from '@/utils/messaging/changes';
import { VIEWS } from './api/sender-rules';
import { onCommit } from './db/write';
import { onPagePort } from './sender-guard';

/**
 * Open views (popup, options, notebook, panel, sidebar) hold a port; after every committed write
 * the background tells them which tables changed, so each view refreshes within a second.
 * The set dies with the service worker, and so do the ports: views reconnect on disconnect.
 */
const ports = new Set<Browser.runtime.Port>();

export function setupChanges(): void {
  // Topic names and view commands only: the panel and sidebar refresh by it too.
  onCommit((tables) => notifyChanged(tables));
  onPagePort(CHANGES_PORT, VIEWS, (port) => {
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
}

export function notifyChanged(tables: Iterable<ChangeTopic>): void {
  const event: ChangeEvent = { tables: [...new Set(tables)] };
  if (event.tables.length) post(event, () => true);
}

/** Passes a shortcut's command to the views shown in one tab (its panel or sidebar). */
export function sendCommandToTab(tabId: number, command: ViewCommand): void {
  post({ tables: [], command }, (port) => port.sender?.tab?.id === tabId);
}

function post(event: ChangeEvent, to: (port: Browser.runtime.Port) => boolean): void {
  for (const port of ports) {
    if (!to(port)) continue;
    try {
      port.postMessage(event);
    } catch {
      ports.delete(port);
    }
  }
}
