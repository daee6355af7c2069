import { i18n } from '#i18n';
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { HealthReport } from '@/utils/messaging/views';
import { FROM_VIEWS, handle } from './handle';

/** Open Google tabs where Taiwa lost its anchors, by tab id. Memory only; gone with the browser. */
const reportsItem = storage.defineItem<Record<string, HealthReport>>('session:health', {
  fallback: {},
});
/**
 * Each degraded tab's redacted page structure, apart from the reports (which views read often).
 * Session storage is out of content scripts' reach, and the text holds no user data anyway.
 */
const structuresItem = storage.defineItem<Record<string, string>>('session:health-structure', {
  fallback: {},
});

/**
 * The visible degraded state. A content script that cannot find what it reads on a Google page
 * says so; the background marks that tab's toolbar icon and the popup lists it, so a Google
 * redesign never turns into a silently empty panel.
 */
export function setupHealth(): void {
  handle(
    'reportHealth',
    ['calendar-tab', 'meet-tab'],
    async ({ surface, problems, structure }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const reports = withoutTab(await reportsItem.getValue(), tabId);
      const structures = withoutTab(await structuresItem.getValue(), tabId);
      if (problems.length) {
        reports[tabId] = { surface, problems, tabId, at: Date.now(), hasStructure: !!structure };
        if (structure) structures[tabId] = structure;
      }
      await reportsItem.setValue(reports);
      await structuresItem.setValue(structures);
      await showOnBadge(tabId, problems.length > 0);
    },
  );
  handle('getHealth', FROM_VIEWS, async () => Object.values(await reportsItem.getValue()));
  handle(
    'getPageStructure',
    FROM_VIEWS,
    async ({ tabId }) => (await structuresItem.getValue())[tabId] ?? null,
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    void Promise.all([reportsItem.getValue(), structuresItem.getValue()]).then(
      ([reports, structures]) =>
        Promise.all([
          reportsItem.setValue(withoutTab(reports, tabId)),
          structuresItem.setValue(withoutTab(structures, tabId)),
        ]),
    );
  });
}

function withoutTab<T>(reports: Record<string, T>, tabId: number) {
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
