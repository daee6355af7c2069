import { browser, type Browser } from 'wxt/browser';
import type { TableName } from '@/utils/model/entities';
import { CHANGES_PORT, type ChangeEvent } from '@/utils/messaging/changes';
import { classifySender } from '@/utils/messaging/senders';

/**
 * Open views (popup, options, notebook, panel, sidebar) hold a port; after every committed write
 * the background tells them which tables changed, so each view refreshes within a second.
 * The set dies with the service worker, and so do the ports: views reconnect on disconnect.
 */
const ports = new Set<Browser.runtime.Port>();

export function setupChanges(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CHANGES_PORT) return;
    const kind = port.sender
      ? classifySender(port.sender, browser.runtime.id, browser.runtime.getURL('/'))
      : 'untrusted';
    if (kind !== 'extension-page') {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
  });
}

export function notifyChanged(tables: Iterable<TableName>): void {
  const event: ChangeEvent = { tables: [...new Set(tables)] };
  if (!event.tables.length) return;
  for (const port of ports) {
    try {
      port.postMessage(event);
    } catch {
      ports.delete(port);
    }
  }
}
