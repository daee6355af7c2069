import type { CALL_PHASES } from '@/utils/model/enums';
import { IN_CALL_GLYPHS, LEAVE_GLYPH, MEET } from './selectors';
import { TEXTS } from './texts';

/** What one look at a Meet page says about the call, before debouncing (see call-phase.ts). */
export type RawPhase = (typeof CALL_PHASES)[number];

/** The glyph names shown on the page (untranslated, so the same in every UI language). */
export function glyphsOn(root: ParentNode): Set<string> {
  const names = new Set<string>();
  for (const selector of MEET.glyph) {
    for (const icon of root.querySelectorAll(selector)) {
      const name = icon.textContent?.trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/** Meet's own short status texts, never what people typed (chat) or said (captions). */
function statusTextMatches(doc: Document, texts: readonly string[]): boolean {
  for (const node of doc.querySelectorAll(MEET.statusText)) {
    if (node.closest(MEET.peoplesWords) || node.querySelector(MEET.peoplesWords)) continue;
    const text = (node.textContent ?? '').toLowerCase();
    if (text && texts.some((t) => text.includes(t))) return true;
  }
  return false;
}

/**
 * Where the call stands, from structure first: the ended screen, the waiting text, then what
 * only exists in a call (the captions control, the People count, named tiles, an old-UI call).
 * The leave button and a self preview with a participant id are in the lobby too: they prove
 * nothing about being in the call.
 */
export function readRawPhase(doc: Document, hasNamedTiles: boolean): RawPhase {
  if (
    isPostCallScreen(doc) ||
    doc.querySelector(MEET.endedHeading) ||
    statusTextMatches(doc, TEXTS.ended)
  ) {
    return 'ended';
  }
  if (statusTextMatches(doc, TEXTS.waiting)) return 'waiting';
  const glyphs = glyphsOn(doc);
  if (
    IN_CALL_GLYPHS.some((g) => glyphs.has(g)) ||
    doc.querySelector(MEET.avatarCount) ||
    hasNamedTiles
  ) {
    return 'in-call';
  }
  if (glyphs.has(LEAVE_GLYPH) || doc.querySelector(MEET.deviceToggle)) return 'lobby';
  return 'unknown';
}

/**
 * Whether Meet shows the user presenting (their screen, and any Taiwa frame on it, may be seen
 * by everyone). Read from Meet's controls and headings, in English and Japanese; never from chat.
 */
export function isPresenting(doc: Document): boolean {
  for (const node of doc.querySelectorAll(MEET.presentingHint)) {
    if (node.closest(MEET.peoplesWords)) continue;
    const text = `${node.getAttribute('aria-label') ?? ''} ${node.textContent ?? ''}`.toLowerCase();
    if (TEXTS.presenting.some((t) => text.includes(t))) return true;
  }
  return false;
}

/**
 * Whether the post-call screen is showing: its own hooks, not a text or a button that the
 * waiting screen has too. The end is then certain, and is taken at once (see follow-call.ts).
 */
export function isPostCallScreen(doc: Document): boolean {
  return doc.querySelector(MEET.callEnded) !== null;
}

/** The call's title from `document.title` ("<Title> - Google Meet"); none for "Meet - <code>". */
export function callTitle(title: string): string {
  const match = /^(.*)\s[-–]\s(?:Google Meet|Google\s?ミート)$/.exec(title.trim());
  return match?.[1]?.trim().slice(0, 200) ?? '';
}
