import { browser, type Browser } from 'wxt/browser';
import { meetCodeFrom } from '@/utils/google/meet-url';
import { sendCommandToTab } from './changes';

/**
 * The keyboard shortcuts (manifest `commands`; the browser lets the user change the keys at
 * chrome://extensions/shortcuts, or in Firefox's about:addons). Opening the popup is the
 * browser's own `_execute_action`.
 * - toggle-sidebar: folds or unfolds the notes sidebar of that tab (the sidebar stores the choice,
 *   and every Meet tab follows it);
 * - add-action: puts the cursor in "add an action item" of the sidebar (Meet) or the prep panel
 *   (Calendar) of the tab it was pressed in, unfolding the sidebar first.
 */
export function setupCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab));
  // Key presses sent by test tooling (CDP) never reach the browser's shortcut handling (checked
  // with Chromium 156), so the end-to-end test calls what the listener calls. Only code running
  // in this service worker can see it; no page can.
  (globalThis as { taiwaRunCommand?: typeof runCommand }).taiwaRunCommand = runCommand;
}

export async function runCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const target = tab?.id !== undefined ? tab : await activeTab();
  if (target?.id === undefined) return;
  // Tab addresses are visible for the two Google origins only (the host permissions).
  const url = target.url ?? '';
  const onMeet = URL.canParse(url) && meetCodeFrom(new URL(url)) !== null;
  // Passed to the views of that tab by the change port; the sidebar folds or unfolds itself.
  if (command === 'toggle-sidebar' && onMeet) sendCommandToTab(target.id, 'toggle-sidebar');
  if (command === 'add-action') sendCommandToTab(target.id, 'add-action');
}

async function activeTab(): Promise<Browser.tabs.Tab | undefined> {
  return (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
}
