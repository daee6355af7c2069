/**
 * The model's enumerations, apart from the zod schemas (entities.ts) so the views can list them
 * without loading zod: the prep panel must open fast beside Google's card.
 */
export const RELATIONSHIPS = [
  'report',
  'skip-level',
  'peer',
  'mentor',
  'mentee',
  'my-manager',
  'other',
] as const;
export const CADENCES = ['weekly', 'biweekly', 'monthly', 'none'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'skipped', 'cancelled'] as const;
export const AGENDA_CATEGORIES = [
  'work',
  'growth',
  'career',
  'condition',
  'relationships',
  'other',
] as const;
/** What the member wants for a topic: advice, thinking together, or just to be heard. */
export const AGENDA_RESPONSES = ['advice', 'think-together', 'listen'] as const;
export const SIDES = ['me', 'them'] as const;
export const NOTE_KINDS = ['shared', 'private'] as const;
export const GOAL_STATUSES = ['active', 'achieved', 'dropped'] as const;
export const TEMPLATE_KINDS = ['template', 'prompt'] as const;
export const OVERRIDES = ['auto', 'always', 'never'] as const;
/** How the user shares an agenda or a recap with a person, remembered per person. */
export const SHARE_CHANNELS = ['email', 'chat', 'in-person'] as const;
/** The languages a message to a person can be written in (null on the person: the user's). */
export const MESSAGE_LANGUAGES = ['ja', 'en'] as const;

/** Where a Meet call stands, as the content script follows it (utils/domain/call-phase.ts). */
export const CALL_PHASES = ['unknown', 'lobby', 'waiting', 'in-call', 'ended'] as const;

/** Every synced table, by name (entities.ts checks this matches its schemas). */
export const TABLE_NAMES = [
  'people',
  'meetings',
  'notes',
  'actions',
  'goals',
  'templates',
  'seriesOverrides',
] as const;
