import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupChanges } from '@/entrypoints/background/changes';
import { runCommand } from '@/entrypoints/background/commands';
import { subscribeToCommands, type ChangeEvent } from '@/utils/messaging/changes';
import { sidebarCollapsedItem } from '@/utils/sidebar-collapsed';
import { portPair } from './helpers/ports';
import { senders } from './helpers/senders';

const MEET = 'https://meet.google.com/abc-defg-hij?authuser=0';
const CALENDAR = 'https://calendar.google.com/calendar/u/0/r/week';

/** A view's change port, connected from a frame in tab `tabId`; what it hears is collected. */
function viewInTab(tabId: number): ChangeEvent[] {
  const { page, background } = portPair('taiwa:changes');
  Object.assign(background, { sender: { ...senders.panelFrame(), tab: { id: tabId } } });
  const heard: ChangeEvent[] = [];
  page.onMessage.addListener((event) => heard.push(event as ChangeEvent));
  connectListeners.forEach((listener) => listener(background));
  return heard;
}

// The fake browser has no runtime.onConnect: a small stand-in the background listens on.
let connectListeners: ((port: Browser.runtime.Port) => void)[] = [];

const tab = (id: number, url: string) => ({ id, url }) as Browser.tabs.Tab;

beforeEach(() => {
  connectListeners = [];
  Object.assign(fakeBrowser.runtime, {
    onConnect: {
      addListener: (fn: (port: Browser.runtime.Port) => void) => connectListeners.push(fn),
    },
  });
  setupChanges();
});

describe('keyboard shortcuts', () => {
  it("fold and unfold the notes sidebar: asked of the Meet tab's views only, never by storage", async () => {
    const inMeet = viewInTab(5);
    const inCalendar = viewInTab(6);
    await runCommand('toggle-sidebar', tab(5, MEET));
    await runCommand('toggle-sidebar', tab(6, CALENDAR));
    await vi.waitFor(() => expect(inMeet).toEqual([{ tables: [], command: 'toggle-sidebar' }]));
    expect(inCalendar).toEqual([]);
    expect(await sidebarCollapsedItem.getValue()).toBe(false);
  });

  it('ask only the views of the pressed tab to add an action item (the sidebar unfolds itself)', async () => {
    const inMeet = viewInTab(5);
    const elsewhere = viewInTab(6);
    await runCommand('add-action', tab(5, MEET));
    await vi.waitFor(() => expect(inMeet).toEqual([{ tables: [], command: 'add-action' }]));
    expect(elsewhere).toEqual([]);
  });

  it('in a Calendar tab, ask its prep panel and leave the sidebar alone', async () => {
    const panel = viewInTab(6);
    await sidebarCollapsedItem.setValue(true);
    await runCommand('add-action', tab(6, CALENDAR));
    await vi.waitFor(() => expect(panel).toHaveLength(1));
    expect(await sidebarCollapsedItem.getValue()).toBe(true);
  });

  it('reach views through subscribeToCommands, which ignores plain change events', async () => {
    const backgrounds: Browser.runtime.Port[] = [];
    fakeBrowser.runtime.connect = ((info: { name: string }) => {
      const { page, background } = portPair(info.name);
      backgrounds.push(background);
      return page;
    }) as never;
    const commands: string[] = [];
    const controller = new AbortController();
    subscribeToCommands((c) => commands.push(c), controller.signal);
    backgrounds[0]!.postMessage({ tables: ['notes'] });
    backgrounds[0]!.postMessage({ tables: [], command: 'add-action' });
    await vi.waitFor(() => expect(commands).toEqual(['add-action']));
    controller.abort();
  });
});
