import { z } from 'zod';
import {
  RELATIONSHIPS,
  CADENCES,
  MEETING_STATUSES,
  AGENDA_CATEGORIES,
  AGENDA_RESPONSES,
  SIDES,
  NOTE_KINDS,
  GOAL_STATUSES,
  TEMPLATE_KINDS,
  OVERRIDES,
  SHARE_CHANNELS,
  MESSAGE_LANGUAGES,
} from './enums';
import type { TABLE_NAMES } from './enums';

// The enumerations live apart from zod (views list them without loading it); re-exported here
// for the background and the tests, which have the schemas anyway.
export * from './enums';

/**
 * The shape of everything Taiwa stores. One zod schema per record is the single source of truth:
 * the database rows, the backup file and the message payloads are all checked against these.
 * Limits keep a hostile file or message from filling the disk or freezing a view.
 */
export const LIMITS = { id: 64, short: 1_000, text: 200_000, list: 500, email: 320 } as const;

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[\w-]+$/, 'must be letters, digits, "-" or "_"');
const epochMs = z.number().int().min(0).max(8.64e15);
const shortText = z.string().max(LIMITS.short);
const longText = z.string().max(LIMITS.text);
const score = z.number().int().min(1).max(5).nullable();
/** Lowercased and trimmed: one person, whatever case Google shows their address in. */
export const emailSchema = z
  .string()
  .trim()
  .max(LIMITS.email)
  .toLowerCase()
  .pipe(z.union([z.email(), z.literal('')]));

/** Fields every synced record carries (docs/architecture.md § Data, § Sync). */
export const syncMetaShape = {
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Hybrid logical clock of the last write: orders writes across devices. */
  hlc: z.string().max(80),
  /** The clock of the last write of each field, for per-field last-writer-wins. */
  fieldHlc: z.record(z.string().max(40), z.string().max(80)),
  deviceId: z.string().max(LIMITS.id),
  /** 1 while the record has local changes not yet pushed. */
  dirty: z.union([z.literal(0), z.literal(1)]),
  version: z.number().int().min(0),
  rev: z.string().max(200).nullable(),
  /** A tombstone: content cleared, kept so the deletion can sync. */
  deleted: z.union([z.literal(0), z.literal(1)]),
};

export const profileSchema = z.strictObject({
  career: longText,
  values: longText,
  strengths: longText,
});

export const personSchema = z.strictObject({
  id: idSchema,
  email: emailSchema,
  name: shortText,
  /** True once the user renamed the person: Google's display name no longer overwrites it. */
  nameEditedByUser: z.boolean(),
  relationship: z.enum(RELATIONSHIPS),
  cadence: z.enum(CADENCES),
  profile: profileSchema,
  archived: z.boolean(),
  /** Per-person 1on1 detection override. */
  override: z.enum(OVERRIDES),
  /** The language of agendas and recaps sent to them; null: the user's (v6, hence the default). */
  language: z.enum(MESSAGE_LANGUAGES).nullable().default(null),
  /** How the user last chose to share with them, preselected next time (v6). */
  shareVia: z.enum(SHARE_CHANNELS).nullable().default(null),
  ...syncMetaShape,
});

export const agendaItemSchema = z.strictObject({
  id: idSchema,
  text: z.string().max(LIMITS.short * 4),
  author: z.enum(SIDES),
  category: z.enum(AGENDA_CATEGORIES),
  response: z.enum(AGENDA_RESPONSES).nullable(),
  done: z.boolean(),
  order: z.number().finite(),
  /** The first agenda item this one carries over, so it is resolved once, wherever it is done. */
  originId: idSchema.nullable(),
  createdAt: epochMs,
});

export const meetingSchema = z.strictObject({
  id: idSchema,
  personId: idSchema,
  title: shortText,
  eventId: z.string().max(LIMITS.short).nullable(),
  seriesId: z.string().max(LIMITS.short).nullable(),
  meetCode: z
    .string()
    .regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/)
    .nullable(),
  plannedStart: epochMs.nullable(),
  plannedEnd: epochMs.nullable(),
  status: z.enum(MEETING_STATUSES),
  heldAt: epochMs.nullable(),
  agenda: z.array(agendaItemSchema).max(LIMITS.list),
  condition: score,
  rating: score,
  talkSelfMs: z.number().int().min(0).nullable(),
  talkOthersMs: z.number().int().min(0).nullable(),
  /** When the agenda was last sent (copied or put in a mail draft) from Taiwa (v6). */
  agendaSentAt: epochMs.nullable().default(null),
  /** When the recap was last sent from Taiwa: the history shows it (v6). */
  recapSentAt: epochMs.nullable().default(null),
  ...syncMetaShape,
});

export const noteSchema = z.strictObject({
  id: idSchema,
  meetingId: idSchema,
  personId: idSchema,
  kind: z.enum(NOTE_KINDS),
  text: longText,
  ...syncMetaShape,
});

export const actionItemSchema = z.strictObject({
  id: idSchema,
  personId: idSchema,
  meetingId: idSchema.nullable(),
  owner: z.enum(SIDES),
  text: z.string().max(LIMITS.short * 4),
  due: epochMs.nullable(),
  done: z.boolean(),
  doneAt: epochMs.nullable(),
  ...syncMetaShape,
});

export const goalSchema = z.strictObject({
  id: idSchema,
  personId: idSchema,
  text: z.string().max(LIMITS.short * 4),
  status: z.enum(GOAL_STATUSES),
  progress: z.number().int().min(0).max(100),
  targetDate: epochMs.nullable(),
  reviewedAt: epochMs.nullable(),
  /** Each re-check: when, and where the goal stood then (a backup from before has none). */
  reviews: z
    .array(
      z.strictObject({
        at: epochMs,
        progress: z.number().int().min(0).max(100),
        status: z.enum(GOAL_STATUSES),
      }),
    )
    .max(LIMITS.list)
    .default([]),
  ...syncMetaShape,
});

export const templateSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(TEMPLATE_KINDS),
  theme: shortText,
  title: shortText,
  body: z.string().max(LIMITS.short * 20),
  ...syncMetaShape,
});

/** "This calendar series is / is not a 1on1", set by the user; keyed by the series id. */
export const seriesOverrideSchema = z.strictObject({
  id: z.string().min(1).max(LIMITS.short),
  verdict: z.enum(['always', 'never']),
  ...syncMetaShape,
});

export type Relationship = (typeof RELATIONSHIPS)[number];
export type Cadence = (typeof CADENCES)[number];
export type Side = (typeof SIDES)[number];
export type ShareChannel = (typeof SHARE_CHANNELS)[number];
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
export type SyncMeta = { [K in keyof typeof syncMetaShape]: z.infer<(typeof syncMetaShape)[K]> };
export type Person = z.infer<typeof personSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Note = z.infer<typeof noteSchema>;
export type ActionItem = z.infer<typeof actionItemSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Template = z.infer<typeof templateSchema>;
export type SeriesOverride = z.infer<typeof seriesOverrideSchema>;

/** Every synced table, by name, with its record schema. */
export const TABLES = {
  people: personSchema,
  meetings: meetingSchema,
  notes: noteSchema,
  actions: actionItemSchema,
  goals: goalSchema,
  templates: templateSchema,
  seriesOverrides: seriesOverrideSchema,
} as const;
export type TableName = keyof typeof TABLES;
export type RecordOf<T extends TableName> = z.infer<(typeof TABLES)[T]>;
// enums.ts lists the tables without zod; this fails to compile when it and TABLES disagree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const tablesListed: Same<(typeof TABLE_NAMES)[number], TableName> = true;
void tablesListed;

/**
 * Sync bookkeeping that describes this device's state, not the user's data: left out of backups
 * (an import re-stamps every record as a local write anyway).
 */
export const DEVICE_FIELDS = ['hlc', 'fieldHlc', 'deviceId', 'dirty', 'version', 'rev'] as const;
export type DeviceField = (typeof DEVICE_FIELDS)[number];

/** The content fields of a record: everything but its id and sync bookkeeping. */
export type Content<T> = Omit<T, 'id' | keyof SyncMeta>;
