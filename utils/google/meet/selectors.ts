/**
 * Every hook Taiwa reads on Google Meet, in one module, each with the UI variant it targets
 * (see ../shared/google-dom.md). Data attributes and the untranslated icon glyph names come
 * first; texts are only ever a second signal, in both English and Japanese. Lists are tried in
 * order: first match wins.
 */
export const MEET = {
  /** Icon glyphs: their names ("call_end", "closed_caption_off") are never translated. */
  glyph: [
    // 2023–26 UI: Google Symbols font ligatures.
    'i.google-symbols',
    // 2020–23 UI: Material Icons ligatures.
    'i.google-material-icons',
  ],
  /** A participant's tile, most specific first. */
  tile: [
    // 2024–26 UI: one tile per device, keyed "spaces/<space>/devices/<n>".
    '[data-participant-id]',
    // Older UI (2020–23): tiles keyed by their place in the grid.
    '[data-allocation-index]',
  ],
  /** A tile's display name (2022–26 and older UIs); Workspace nicknames show here too. */
  tileName: 'span.notranslate',
  /**
   * The per-tile speaking indicator (2023–26 UI). It carries the quiet class below while that
   * person is silent; the classes it gains while they speak rotate with the audio level.
   */
  speakingIndicator: 'div[jsname="QgSmzd"]',
  quietClass: 'gjg47c',
  /** The user's own name: an attribute of older UIs (gone in most 2025–26 reports). */
  selfName: '[data-self-name]',
  /** The People panel's rows (all UIs since 2021); it may render only part of a long list. */
  peopleRow: [
    // 2021–26 UI: a labelled list of rows labelled with each name.
    '[role="list"][aria-label] [role="listitem"][aria-label]',
  ],
  /** The People control's count (2023–26 UI): present once in the call, not in the lobby. */
  avatarCount: '[data-avatar-count]',
  /** An old-UI call (2020–23): the meeting is rendered inside this element. */
  oldCall: 'c-wiz[data-unresolved-meeting-id]',
  /** The call-ended screen (2022–26 UI) and its "Return to home screen" action. */
  ended: ['[data-call-ended="true"]', '[data-mdc-dialog-action="returnToHomePage"]'],
  /** Lobby controls (all UIs): mic/camera toggles carry data-is-muted before and during a call. */
  deviceToggle: '[data-is-muted]',
  /** Where Meet puts its short status texts (waiting, ended): headings and live regions. */
  statusText: 'h1, h2, [role="heading"], [role="status"], [aria-live]',
} as const;

/** Glyphs of the in-call controls: the captions button only exists once in the call. */
export const IN_CALL_GLYPHS = ['closed_caption_off', 'closed_caption'];
/** The leave button: present in the lobby too, so it proves only that Meet's controls are there. */
export const LEAVE_GLYPH = 'call_end';
/** Controls that only the self tile or self preview has (effects, self-view). */
export const SELF_GLYPHS = ['visual_effects', 'auto_awesome', 'background_replace', 'frame_person'];

/** The first element matching any of `selectors`, tried in order. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}
