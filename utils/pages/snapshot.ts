import { browser } from 'wxt/browser';
import {
  POPUP_SNAPSHOT_ID,
  POPUP_SNAPSHOT_KEY,
  SNAP_ATTRS,
  SNAP_TAGS,
  SNAPSHOT_ATTR,
  SNAPSHOT_LIMITS,
  type PopupSnapshot,
  type SnapAttr,
  type SnapNode,
  type SnapTag,
} from '@/utils/messaging/popup-snapshot';
import { LANGUAGE_KEY } from '@/utils/language-key';
import { markReady } from './mark-ready';

/*
 * The popup's last view (utils/messaging/popup-snapshot.ts): taken from the popup's rendering
 * when fresh data is on screen, and painted by the next open before React has started. Plain
 * DOM both ways: element names and attributes from fixed lists, text as text (never HTML).
 */

const TAGS = new Set<string>(SNAP_TAGS);
const ATTRS = new Set<string>(SNAP_ATTRS);

/**
 * The plain nodes of `root`'s rendering, without what `data-snapshot="skip"` marks (search hits,
 * error lines). Form fields keep their look, never their value.
 */
export function snapshotOf(root: Element): SnapNode | null {
  let nodes = 0;
  const walk = (node: Node): SnapNode | null => {
    if (++nodes > SNAPSHOT_LIMITS.nodes) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      return text ? text.slice(0, SNAPSHOT_LIMITS.text) : null;
    }
    if (!(node instanceof Element)) return null;
    const tag = node.localName;
    const part = node.getAttribute(SNAPSHOT_ATTR);
    if (!TAGS.has(tag) || part === 'skip') return null;
    const a: Partial<Record<SnapAttr, string>> = {};
    for (const name of SNAP_ATTRS) {
      const value = node.getAttribute(name);
      if (value !== null) a[name] = value.slice(0, SNAPSHOT_LIMITS.attr);
    }
    // React sets a checkbox's state as a property, not an attribute.
    if (node instanceof HTMLInputElement && node.checked) a.checked = '';
    const k: SnapNode[] = [];
    for (const child of node.childNodes) {
      const kept = walk(child);
      if (kept !== null) k.push(kept);
    }
    return {
      t: tag as SnapTag,
      ...(Object.keys(a).length ? { a } : {}),
      ...(k.length ? { k } : {}),
    };
  };
  return walk(root);
}

/** Builds the plain nodes again, checking each name against the lists (the stored copy is data). */
export function buildSnapshot(doc: Document, node: SnapNode, depth = 0): Node | null {
  if (typeof node === 'string') return doc.createTextNode(node);
  if (depth > 40 || typeof node !== 'object' || node === null || !TAGS.has(node.t)) return null;
  const el = doc.createElement(node.t);
  for (const [name, value] of Object.entries(node.a ?? {})) {
    if (!ATTRS.has(name) || typeof value !== 'string') continue;
    // Only the extension's own images (the brand mark).
    if (name === 'src' && !value.startsWith(`${location.origin}/`)) continue;
    el.setAttribute(name, value);
  }
  for (const child of Array.isArray(node.k) ? node.k : []) {
    const built = buildSnapshot(doc, child, depth + 1);
    if (built) el.append(built);
  }
  return el;
}

/** The line above the last view's data, the same in the painted copy and in the app's. */
export function lastViewNote(doc: Document, text: string): HTMLElement {
  const note = doc.createElement('p');
  note.className = 'muted small last-view-note';
  note.textContent = text;
  return note;
}

const isSnapshot = (value: unknown): value is PopupSnapshot =>
  typeof value === 'object' &&
  value !== null &&
  ((value as PopupSnapshot).lang === 'ja' || (value as PopupSnapshot).lang === 'en') &&
  typeof (value as PopupSnapshot).note === 'string' &&
  typeof (value as PopupSnapshot).tree === 'object';

/**
 * The UI language the page will render in (as ui-language.ts decides), read directly: the early
 * script stays free of the storage library.
 */
async function pageLanguage(): Promise<'ja' | 'en'> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}));
  const choice = (stored as Record<string, unknown>)[LANGUAGE_KEY];
  if (choice === 'ja' || choice === 'en') return choice;
  return browser.i18n.getUILanguage().startsWith('ja') ? 'ja' : 'en';
}

/**
 * Paints the popup's last view, if one is kept in this language, ahead of the app: inert (no
 * focus, no clicks: it has no handlers) and `aria-busy` until the popup's fresh data replaces it
 * (popup-app.tsx). Not painted once the app has rendered anything.
 */
export async function paintLastView(): Promise<void> {
  const [stored, lang] = await Promise.all([
    browser.storage.session.get(POPUP_SNAPSHOT_KEY).catch(() => ({})),
    pageLanguage(),
  ]);
  const snapshot = (stored as Record<string, unknown>)[POPUP_SNAPSHOT_KEY];
  if (!isSnapshot(snapshot) || snapshot.lang !== lang) return;
  const paint = () => {
    const root = document.getElementById('root');
    if (!root || root.firstChild || document.getElementById(POPUP_SNAPSHOT_ID)) return;
    const tree = buildSnapshot(document, snapshot.tree);
    const part = tree instanceof Element && tree.querySelector(`[${SNAPSHOT_ATTR}="data"]`);
    if (!tree || !part) return;
    part.before(lastViewNote(document, snapshot.note));
    const holder = document.createElement('div');
    holder.id = POPUP_SNAPSHOT_ID;
    holder.dataset.testid = 'popup-snapshot';
    holder.setAttribute('aria-busy', 'true');
    holder.inert = true;
    holder.append(tree);
    document.documentElement.lang = snapshot.lang;
    root.before(holder);
    markReady('popupSnapshot');
  };
  if (document.getElementById('root')) paint();
  else document.addEventListener('readystatechange', paint, { once: true });
}
