import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Sender = Browser.runtime.MessageSender;

/** Senders as the browser would describe them, for handler and guard tests. */
export const senders = {
  popup: (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
  }),
  options: (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: `chrome-extension://${fakeBrowser.runtime.id}/options.html`,
  }),
  /** The prep panel iframe: extension origin, but inside a Google tab. */
  panelFrame: (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: `chrome-extension://${fakeBrowser.runtime.id}/prep-panel.html`,
    frameId: 7,
  }),
  /** The notes sidebar iframe inside a Meet tab. */
  sidebarFrame: (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: `chrome-extension://${fakeBrowser.runtime.id}/notes-sidebar.html`,
    frameId: 9,
  }),
  calendarTab: (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: 'https://calendar.google.com/calendar/u/1/r/week',
    frameId: 0,
  }),
  meetTab: (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: 'https://meet.google.com/abc-defg-hij?authuser=0',
    frameId: 0,
  }),
  otherSite: (): Sender => ({
    id: fakeBrowser.runtime.id,
    url: 'https://evil.example/',
    frameId: 0,
  }),
  otherExtension: (): Sender => ({
    id: 'someone-else',
    url: 'chrome-extension://someone-else/page.html',
  }),
};
