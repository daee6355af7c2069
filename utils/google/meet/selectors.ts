/**
 * Every hook Taiwa reads on Google Meet, in one module, each with the UI variant it targets
 * (docs/google-pages.md holds the evidence for each). Data attributes and the untranslated icon glyph names come
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
    // 2024–26 UI: one tile per device, keyed "spaces/<space>/devices/<n>" (captured June 2026);
    // the People panel's rows carry the same id and are not tiles (docs/google-pages.md § Meet).
    '[data-participant-id]:not([role="listitem"])',
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
  /**
   * The post-call screen (2025–26 UI, as issue 14 reports it: no public capture). Its data
   * attribute makes the end certain (taken at once); its heading's obfuscated jsname is a second
   * hook, debounced like a text. "Return to home screen" ([data-mdc-dialog-action=
   * returnToHomePage]) is on the waiting screen too: alone it proves nothing.
   */
  callEnded: '[data-call-ended="true"]',
  endedHeading: 'h1[jsname="r4nke"]',
  /** Lobby controls (all UIs): mic/camera toggles carry data-is-muted before and during a call. */
  deviceToggle: '[data-is-muted]',
  /** Where Meet says the user is presenting (2024–26): its controls and the presentation's heading. */
  presentingHint: 'button, [role="button"], [role="heading"]',
  /** Where Meet puts its short status texts (waiting, ended): headings and live regions. */
  statusText: 'h1, h2, [role="heading"], [role="status"], [aria-live]',
  /**
   * Where people's own words are: never read as Meet's status ("the meeting ended" typed in chat
   * or said in captions is not the end of the call). Both are aria-live regions.
   */
  peoplesWords: [
    // The side panel (2024–26, captured June 2026): chat and People are shown there.
    'aside',
    // The chat message list (2024–26, captured 2024): div[jsname=xySENc][aria-live=polite].
    '[jsname="xySENc"]',
    // A chat message's text (2024–26).
    '[jsname="dTKtvb"]',
    // Captions (2024–26, captured 2024): the speakers' blocks and the text of each.
    '[jsname="dsyhDe"]',
    '[jsname="tgaKEf"]',
    // Any live region that holds pinnable messages (chat in a layout not listed above).
    '[aria-live] [data-message-id]',
  ].join(', '),
} as const;

/** Glyphs of the in-call controls: the captions button only exists once in the call. */
export const IN_CALL_GLYPHS = ['closed_caption_off', 'closed_caption'];
/** The leave button: present in the lobby too, so it proves only that Meet's controls are there. */
export const LEAVE_GLYPH = 'call_end';
/** Controls that only the self tile or self preview has (effects, self-view). */
export const SELF_GLYPHS = ['visual_effects', 'auto_awesome', 'background_replace', 'frame_person'];
