import { i18n } from '#i18n';
import { storage } from 'wxt/utils/storage';
import { browser } from 'wxt/browser';
import type { HealthReport } from '@/utils/messaging/views';
import type { Inputs } from '@/utils/messaging/inputs';
import { notifyChanged } from './changes';

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
 * redesign never turns into a silently empty panel. Views hear of it by the `health` topic.
 */
export async function recordHealth(
  tabId: number,
  { surface, problems, structure }: Inputs['reportHealth'],
): Promise<void> {
  const reports = withoutTab(await reportsItem.getValue(), tabId);
  const structures = withoutTab(await structuresItem.getValue(), tabId);
  if (problems.length) {
    reports[tabId] = { surface, problems, tabId, at: Date.now(), hasStructure: !!structure };
    if (structure) structures[tabId] = structure;
  }
  await reportsItem.setValue(reports);
  await structuresItem.setValue(structures);
  await showOnBadge(tabId, problems.length > 0);
  notifyChanged(['health']);
}

/** The open tabs' reports (degraded ones only). */
export const healthReports = async (): Promise<HealthReport[]> =>
  Object.values(await reportsItem.getValue());

/** A degraded tab's redacted page structure, or null when none was taken. */
export const pageStructure = async (tabId: number): Promise<string | null> =>
  (await structuresItem.getValue())[tabId] ?? null;

/** A closed tab's report goes with it. */
export function setupHealth(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void Promise.all([reportsItem.getValue(), structuresItem.getValue()])
      .then(([reports, structures]) =>
        Promise.all([
          reportsItem.setValue(withoutTab(reports, tabId)),
          structuresItem.setValue(withoutTab(structures, tabId)),
        ]),
      )
      .then(() => notifyChanged(['health']));
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
