import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupBackupPort } from '@/entrypoints/background/backup-port';
import { setupChanges } from '@/entrypoints/background/changes';
import { BACKUP_PORT } from '@/utils/messaging/backup-port';
import { CHANGES_PORT } from '@/utils/messaging/changes';
import { portPair } from './helpers/ports';
import { classifySender } from '@/utils/messaging/senders';
import { senders } from './helpers/senders';

const ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;

describe('classifySender', () => {
  it.each([
    ['popup', senders.popup(), 'extension-page'],
    ['panel iframe inside a Google tab', senders.panelFrame(), 'embedded-frame'],
    ['calendar content script', senders.calendarTab(), 'calendar-tab'],
    ['meet content script', senders.meetTab(), 'meet-tab'],
    ['another site', senders.otherSite(), 'untrusted'],
    ['another extension', senders.otherExtension(), 'untrusted'],
  ] as const)('%s → %s', (_, sender, kind) => {
    expect(classifySender(sender, ID, ORIGIN)).toBe(kind);
  });

  it('refuses a Google page loaded in a subframe', () => {
    expect(classifySender({ ...senders.calendarTab(), frameId: 3 }, ID, ORIGIN)).toBe('untrusted');
  });

  it('refuses look-alike origins and missing or malformed urls', () => {
    const sender = senders.calendarTab();
    expect(
      classifySender({ ...sender, url: 'https://calendar.google.com.evil.example/' }, ID, ORIGIN),
    ).toBe('untrusted');
    expect(classifySender({ ...sender, url: 'http://calendar.google.com/' }, ID, ORIGIN)).toBe(
      'untrusted',
    );
    expect(classifySender({ id: ID }, ID, ORIGIN)).toBe('untrusted');
    expect(classifySender({ ...sender, url: 'not a url' }, ID, ORIGIN)).toBe('untrusted');
  });
});

describe('ports', () => {
  it("the backup port opens for Taiwa's pages only; the change port for the frames too", async () => {
    const listeners: ((port: Browser.runtime.Port) => void)[] = [];
    Object.assign(fakeBrowser.runtime, {
      onConnect: { addListener: (fn: (port: Browser.runtime.Port) => void) => listeners.push(fn) },
    });
    setupBackupPort();
    setupChanges();
    const open = async (name: string, sender: Browser.runtime.MessageSender) => {
      const { page, background } = portPair(name);
      Object.assign(background, { sender });
      let closed = false;
      page.onDisconnect.addListener(() => (closed = true));
      listeners.forEach((listener) => listener(background));
      await new Promise((resolve) => setTimeout(resolve, 0));
      return !closed;
    };
    expect(await open(BACKUP_PORT, senders.options())).toBe(true);
    expect(await open(BACKUP_PORT, senders.panelFrame())).toBe(false);
    expect(await open(BACKUP_PORT, senders.sidebarFrame())).toBe(false);
    expect(await open(BACKUP_PORT, senders.calendarTab())).toBe(false);
    expect(await open(CHANGES_PORT, senders.sidebarFrame())).toBe(true);
    expect(await open(CHANGES_PORT, senders.meetTab())).toBe(false);
  });
});
