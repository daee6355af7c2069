import { i18n } from '#i18n';
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { HealthReport } from '@/utils/messaging/views';
import { FROM_PAGES, handle } from './handle';

/** Open Google tabs where Taiwa lost its anchors, by tab id. Memory only; gone with the browser. */
const reportsItem = storage.defineItem<Record<string, HealthReport>>('session:health', {
  fallback: {},
});

/**
 * The visible degraded state. A content script that cannot find what it reads on a Google page
 * says so; the background marks that tab's toolbar icon and the popup lists it, so a Google
 * redesign never turns into a silently empty panel.
 */
export function setupHealth(): void {
  handle('reportHealth', ['calendar-tab', 'meet-tab'], async ({ surface, problems }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const reports = withoutTab(await reportsItem.getValue(), tabId);
    if (problems.length) reports[tabId] = { surface, problems, tabId, at: Date.now() };
    await reportsItem.setValue(reports);
    await showOnBadge(tabId, problems.length > 0);
  });
  handle('getHealth', FROM_PAGES, async () => Object.values(await reportsItem.getValue()));
  browser.tabs.onRemoved.addListener((tabId) => {
    void reportsItem.getValue().then((reports) => {
      if (tabId in reports) return reportsItem.setValue(withoutTab(reports, tabId));
    });
  });
}

function withoutTab(reports: Record<string, HealthReport>, tabId: number) {
  return Object.fromEntries(Object.entries(reports).filter(([id]) => id !== String(tabId)));
}

async function showOnBadge(tabId: number, degraded: boolean): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: degraded ? '!' : '' });
    await browser.action.setTitle({
      tabId,
      title: degraded ? i18n.t('health.badgeTitle') : i18n.t('extName'),
    });
    if (degraded) await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  } catch {
    // The tab closed meanwhile: nothing to mark.
  }
}
