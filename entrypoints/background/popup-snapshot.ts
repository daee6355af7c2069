import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { POPUP_SNAPSHOT_KEY, type PopupSnapshot } from '@/utils/messaging/popup-snapshot';
import { languageItem } from '@/utils/settings-language';

/**
 * The popup's last view (utils/messaging/popup-snapshot.ts), in session storage: memory only,
 * and closed to content scripts. Only the background writes it.
 */
const snapshotItem = storage.defineItem<PopupSnapshot | null>(`session:${POPUP_SNAPSHOT_KEY}`, {
  fallback: null,
});

type SessionArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

/**
 * Keeps `storage.session` for Taiwa's own pages and the background: Chrome's default, said
 * explicitly so no later change opens it to the content scripts in Google's tabs (it holds the
 * popup's last view, calls and seen events). Firefox has no `setAccessLevel` (bug 1724754) and
 * never exposes `storage.session` to content scripts (docs/architecture.md § privacy rules).
 * A UI language change clears the last view, so the popup never paints the other language.
 */
export function setupPopupSnapshot(): void {
  const session = browser.storage.session as SessionArea | undefined;
  if (typeof session?.setAccessLevel === 'function') {
    void session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }
  languageItem.watch(() => void clearPopupSnapshot());
}

export function writePopupSnapshot(snapshot: PopupSnapshot): Promise<void> {
  return snapshotItem.setValue(snapshot);
}

/** Forgets the popup's last view: after an erase, an import, a language change. */
export function clearPopupSnapshot(): Promise<void> {
  return snapshotItem.removeValue();
}
