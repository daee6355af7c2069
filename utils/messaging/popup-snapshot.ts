/**
 * The popup's last view, kept so the next open can show it at once, before its code has started
 * (entrypoints/early-start.ts paints it, utils/pages/snapshot.ts), while the fresh answer is read.
 *
 * It is the popup's own rendering reduced to plain nodes: element names and a few attributes
 * from the lists below, and text. No ids, test ids, values or handlers; never HTML. It holds
 * names and action items, so only the background writes it (`savePopupSnapshot`), into
 * `storage.session` (memory only, and closed to content scripts: bg/popup-snapshot.ts), and it is
 * cleared when the data is erased or replaced and when the UI language changes.
 */
export const POPUP_SNAPSHOT_KEY = 'popupSnapshot';
/** The id of the painted last view, and its test id (`popup-snapshot`). */
export const POPUP_SNAPSHOT_ID = 'taiwa-last-view';
/** `data-snapshot` on a popup element: `skip` (left out) or `data` (the part fresh data replaces). */
export const SNAPSHOT_ATTR = 'data-snapshot';

export const SNAP_TAGS = [
  'main',
  'div',
  'section',
  'header',
  'nav',
  'form',
  'h1',
  'h2',
  'h3',
  'p',
  'ul',
  'ol',
  'li',
  'span',
  'strong',
  'em',
  'small',
  'label',
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'img',
] as const;
export type SnapTag = (typeof SNAP_TAGS)[number];

/** Presentation only: what the page's CSS and layout read. */
export const SNAP_ATTRS = [
  'class',
  'type',
  'placeholder',
  'checked',
  'disabled',
  'alt',
  'src',
  'width',
  'height',
  'rows',
  'data-done',
  'data-reason',
  'data-owner',
  'data-state',
  'data-snapshot',
] as const;
export type SnapAttr = (typeof SNAP_ATTRS)[number];

/** Text, or an element with its attributes and children. */
export type SnapNode =
  string | { t: SnapTag; a?: Partial<Record<SnapAttr, string>>; k?: SnapNode[] };

export interface PopupSnapshot {
  /** The UI language it was rendered in: it is never painted in another. */
  lang: 'ja' | 'en';
  /** The words saying it is the last view, shown above its data while fresh data is read. */
  note: string;
  tree: SnapNode;
}

/** Bounds of a snapshot (a popup shows a glance: a few dozen rows). */
export const SNAPSHOT_LIMITS = { nodes: 3000, text: 2000, attr: 300, chars: 200_000 } as const;
