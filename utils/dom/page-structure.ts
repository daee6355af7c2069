/**
 * A redacted copy of a Google page's structure, for bug reports ("Copy page structure" on the
 * health line) and for turning into test fixtures. Google renames its hooks without notice; the
 * fastest way to follow is markup from the user's own page, but that page is full of names,
 * addresses and meeting titles. So only the shape is kept:
 * - kept: tag names, `id`, `class`, `role`, `jsname`, the names of every attribute, the values
 *   of a few enumerated attributes (`aria-hidden="true"`, `type="button"`), and icon-font
 *   ligatures (`call_end`), which are the same words for every user;
 * - replaced: every other text, and every other attribute value (emails, names, titles,
 *   `aria-label`, `data-*` values, `jslog`, URL paths), by placeholders that keep only a length
 *   class, so a fixture built from the snapshot still exercises the same code paths.
 */

/** A redacted structure is capped well above a card's (~40 KB) or a call's (~150 KB). */
export const STRUCTURE_MAX = 400_000;

/** Attributes whose values are kept as they are: structure, never anything a user typed. */
const KEPT_VALUES = new Set(['id', 'class', 'role', 'jsname', 'jsslot', 'jscontroller']);
/** Attributes whose values come from a small fixed set; kept when they look like one. */
const ENUMERATED = new Set([
  'aria-hidden',
  'aria-expanded',
  'aria-modal',
  'aria-level',
  'aria-live',
  'aria-checked',
  'aria-selected',
  'aria-pressed',
  'aria-disabled',
  'type',
  'tabindex',
  'dir',
  'hidden',
  'data-viewfamily',
  'data-chips-dialog',
  'data-opens-details',
  'data-call-ended',
  'data-is-muted',
  'data-is-create',
]);
const ENUM_VALUE = /^(?:true|false|-?\d{1,2}|[a-z_]{1,16}|[A-Z_]{1,16})$/;
/**
 * An id or class token kept as it is: Google's codes ("xDetDlgAtt", "hMdQi",
 * "pYTkkf-Bz112c-LgbsSe", "tt-c172") are short pieces joined by dashes. A longer run (a base64
 * or hex encoding of an address, an event id) or anything else could carry personal data.
 */
const CODE_TOKEN = /^[A-Za-z0-9]{1,16}(?:[-_][A-Za-z0-9]{1,16}){0,7}$/;
/** Icon fonts whose text is a ligature name (`call_end`), not something a person wrote. */
const ICON_FONT = 'i.google-symbols, i.google-material-icons, .material-icons, .google-symbols';
const LIGATURE = /^[a-z][a-z0-9_]{1,40}$/;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'PATH', 'IFRAME']);

/** Taiwa's own hosts are not Google's page: left out of every snapshot. */
export const isTaiwaHost = (el: Element) => el.hasAttribute('data-taiwa');

export interface StructureOptions {
  /** At most this many elements are written; the rest is counted ("… N more"). */
  maxElements?: number;
  /** Elements to leave out whole (Taiwa's own hosts). */
  skip?: (el: Element) => boolean;
}

/** A placeholder for a redacted string that keeps only its size class. */
function placeholder(value: string): string {
  const n = [...value].length;
  return n === 0 ? '' : n <= 8 ? 'x' : n <= 40 ? 'xxxx' : 'xxxxxxxx';
}

/** A URL keeps its scheme and host (meet.google.com, calendar.google.com); its path and query go. */
function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? `${url.protocol}//${url.host}/x`
      : `${url.protocol}x`;
  } catch {
    return placeholder(value);
  }
}

function redactAttribute(el: Element, name: string, value: string): string {
  if (KEPT_VALUES.has(name)) {
    return value
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => (CODE_TOKEN.test(token) ? token : 'x'))
      .join(' ');
  }
  if (ENUMERATED.has(name) && (value === '' || ENUM_VALUE.test(value))) return value;
  if (name === 'href' || name === 'src' || name === 'action') return redactUrl(value);
  return placeholder(value);
}

const escapeText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The redacted structure of `root` and everything under it, as indented HTML. Texts become "T"
 * placeholders (or stay, for icon ligatures); see the module comment for what is kept.
 */
export function pageStructure(root: Element, options: StructureOptions = {}): string {
  const max = options.maxElements ?? 4_000;
  const lines: string[] = [];
  let written = 0;
  let left = 0;

  const walk = (el: Element, depth: number) => {
    if (SKIPPED.has(el.tagName.toUpperCase()) || options.skip?.(el)) return;
    if (written >= max) {
      left += 1;
      return;
    }
    written += 1;
    const pad = '  '.repeat(depth);
    const tag = el.tagName.toLowerCase();
    const attrs = [...el.attributes]
      .map(({ name, value }) => {
        const kept = redactAttribute(el, name, value);
        return kept === '' ? ` ${name}` : ` ${name}="${escapeText(kept)}"`;
      })
      .join('');
    lines.push(`${pad}<${tag}${attrs}>`);
    const icon = el.matches(ICON_FONT);
    for (const child of el.childNodes) {
      if (child.nodeType === 1) walk(child as Element, depth + 1);
      else if (child.nodeType === 3) {
        const text = (child.textContent ?? '').trim();
        if (!text) continue;
        lines.push(
          `${pad}  ${icon && LIGATURE.test(text) ? text : 'T'.repeat(placeholder(text).length)}`,
        );
      }
    }
    lines.push(`${pad}</${tag}>`);
  };
  walk(root, 0);
  if (left) lines.push(`<!-- ${left} more elements left out -->`);
  return lines.join('\n');
}
