import { z } from 'zod';
import {
  actionItemSchema,
  agendaItemSchema,
  goalSchema,
  idSchema,
  LIMITS,
  meetingSchema,
  NOTE_KINDS,
  personSchema,
  SIDES,
  templateSchema,
} from '@/utils/model/entities';
import { settingsSchema } from '@/utils/settings';
import { AGENDA_RESPONSES, CALL_PHASES } from '@/utils/model/enums';
import { STRUCTURE_MAX } from '@/utils/dom/page-structure';
import {
  SNAP_ATTRS,
  SNAP_TAGS,
  SNAPSHOT_LIMITS,
  type SnapNode,
} from '@/utils/messaging/popup-snapshot';

/**
 * The payload schema of every message the background accepts. Handlers parse with these before
 * anything else, so a malformed message is refused and changes nothing. Pages import only the
 * types (see protocol.ts).
 */
const none = z.undefined();
const epochMs = z.number().int().min(0).max(8.64e15);
const meetCode = z.string().regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
/** An address the user typed, or nothing (empty means "not given"). */
const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email)
  .pipe(z.union([z.email(), z.literal('')]))
  .nullable()
  .transform((email) => email || null);

/** The popup's last view (popup-snapshot.ts): plain nodes of known names, bounded. */
const snapNode: z.ZodType<SnapNode> = z.lazy(() =>
  z.union([
    z.string().max(SNAPSHOT_LIMITS.text),
    z.strictObject({
      t: z.enum(SNAP_TAGS),
      a: z.partialRecord(z.enum(SNAP_ATTRS), z.string().max(SNAPSHOT_LIMITS.attr)).optional(),
      k: z.array(snapNode).max(SNAPSHOT_LIMITS.nodes).optional(),
    }),
  ]),
);
const countNodes = (node: SnapNode): number =>
  typeof node === 'string' ? 1 : 1 + (node.k ?? []).reduce((n, c) => n + countNodes(c), 0);

const guest = z.strictObject({
  email: z.string().max(LIMITS.email),
  name: z.string().max(LIMITS.short).optional(),
  isResource: z.boolean().optional(),
  isGroup: z.boolean().optional(),
});

const personFields = personSchema
  .pick({
    email: true,
    name: true,
    relationship: true,
    cadence: true,
    profile: true,
    archived: true,
    override: true,
    language: true,
    shareVia: true,
  })
  .partial();
const meetingFields = meetingSchema
  .pick({
    title: true,
    plannedStart: true,
    plannedEnd: true,
    status: true,
    heldAt: true,
    agenda: true,
    condition: true,
    rating: true,
    talkSelfMs: true,
    talkOthersMs: true,
    meetCode: true,
  })
  .partial();
const actionFields = actionItemSchema
  .pick({ owner: true, text: true, due: true, done: true })
  .partial();
const goalFields = goalSchema
  .pick({ text: true, status: true, progress: true, targetDate: true, reviewedAt: true })
  .partial();
const templateFields = templateSchema
  .pick({ kind: true, theme: true, title: true, body: true })
  .partial();
const update = <T extends z.ZodType>(patch: T) => z.strictObject({ id: idSchema, patch });

export const inputs = {
  getStatus: none,
  // Detection, from the Calendar and Meet content scripts.
  recordCalendarEvent: z.strictObject({
    eventId: z.string().min(1).max(LIMITS.short),
    seriesId: z.string().max(LIMITS.short).nullable(),
    title: z.string().max(LIMITS.short),
    start: epochMs.nullable(),
    end: epochMs.nullable(),
    meetCode: meetCode.nullable(),
    guests: z.array(guest).max(LIMITS.list),
    organizerEmail: z.string().max(LIMITS.email).nullable(),
    selfEmail: z.string().max(LIMITS.email).nullable(),
  }),
  recordCalendarChips: z.strictObject({
    chips: z
      .array(
        z.strictObject({
          eventId: z.string().min(1).max(LIMITS.short),
          seriesId: z.string().min(1).max(LIMITS.short),
          title: z.string().max(LIMITS.short),
          start: epochMs.nullable(),
          end: epochMs.nullable(),
        }),
      )
      .max(LIMITS.list),
  }),
  reportHealth: z.strictObject({
    surface: z.enum(['calendar', 'meet']),
    problems: z.array(z.string().max(40)).max(20),
    /** The page's redacted structure (utils/dom/page-structure.ts), for "Copy page structure". */
    structure: z.string().max(STRUCTURE_MAX).optional(),
  }),
  reportCall: z.strictObject({
    meetCode,
    phase: z.enum(CALL_PHASES),
    /** The call's title from the page (may be empty). */
    title: z.string().max(LIMITS.short),
    participants: z
      .array(z.strictObject({ name: z.string().max(200), isSelf: z.boolean() }))
      .max(100),
    /** Talk time measured since the last report that was delivered (deltas, not totals). */
    talk: z.strictObject({
      selfMs: z.number().int().min(0).max(3_600_000),
      othersMs: z.number().int().min(0).max(3_600_000),
      measurable: z.boolean(),
      /** The speaking signal said what no real call does: nothing measured in it is kept. */
      implausible: z.boolean().default(false),
    }),
    /** Meet shows that the user is presenting (their screen may be seen by everyone). */
    presenting: z.boolean().default(false),
  }),
  // Reads, from extension pages.
  getCallView: none,
  listTemplates: none,
  getPrepView: z.strictObject({ eventId: z.string().min(1).max(LIMITS.short) }),
  getHealth: none,
  getTitleKeywords: none,
  getPageStructure: z.strictObject({ tabId: z.number().int().min(0) }),
  listPeople: none,
  getPopupView: none,
  getPractice: z.strictObject({ months: z.number().int().min(1).max(60) }),
  getPersonHead: z.strictObject({ personId: idSchema }),
  getPersonTimeline: z.strictObject({
    personId: idSchema,
    before: epochMs.optional(),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  getMeetingView: z.strictObject({ meetingId: idSchema }),
  search: z.strictObject({
    query: z.string().max(200),
    limit: z.number().int().min(1).max(200).optional(),
  }),
  listOpenActions: z.strictObject({ owner: z.enum(SIDES).optional() }),
  listDoneActions: z.strictObject({ personId: idSchema }),
  // Writes, from extension pages.
  createPerson: personFields,
  updatePerson: update(personFields),
  createMeeting: meetingFields.extend({ personId: idSchema }),
  updateMeeting: update(meetingFields),
  linkMeetCall: z.union([
    z.strictObject({ personId: idSchema }),
    z.strictObject({ name: z.string().trim().min(1).max(LIMITS.short) }),
  ]),
  /** The user's answer to "Is this your 1on1 with …?" for the call in the sender's tab. */
  answerCall: z.strictObject({ answer: z.enum(['yes', 'no', 'not-1on1', 'is-1on1']) }),
  saveAgendaItem: z.strictObject({ meetingId: idSchema, item: agendaItemSchema }),
  // Sharing (api/share.ts): what an agenda or recap may hold, the topics the other person sent,
  // and that a message was sent.
  getShareView: z.strictObject({ meetingId: idSchema }),
  addTopics: z.strictObject({
    meetingId: idSchema,
    topics: z
      .array(
        z.strictObject({
          text: z
            .string()
            .trim()
            .min(1)
            .max(LIMITS.short * 4),
          response: z.enum(AGENDA_RESPONSES).nullable(),
        }),
      )
      .min(1)
      .max(100),
  }),
  recordShare: z.strictObject({ meetingId: idSchema, kind: z.enum(['agenda', 'recap']) }),
  deleteAgendaItem: z.strictObject({ meetingId: idSchema, itemId: idSchema }),
  fitHost: z.strictObject({
    host: z.enum(['prep-panel', 'notes-sidebar']),
    height: z.number().int().min(0).max(4000),
    /** When the page measured (its performance.now()): relayed messages may arrive out of order. */
    at: z.number().min(0),
  }),
  setEventVerdict: z.strictObject({
    eventId: z.string().min(1).max(LIMITS.short),
    verdict: z.enum(['always', 'never']),
  }),
  saveNote: z.strictObject({
    meetingId: idSchema,
    kind: z.enum(NOTE_KINDS),
    text: z.string().max(LIMITS.text),
  }),
  saveDraft: z.strictObject({
    meetingId: idSchema,
    kind: z.enum(NOTE_KINDS),
    text: z.string().max(LIMITS.text),
    /** The clock of the note text this was typed over (null: there was no note yet). */
    base: z.string().max(80).nullable(),
  }),
  dropDraft: z.strictObject({
    meetingId: idSchema,
    kind: z.enum(NOTE_KINDS),
    /** The text whose save succeeded: a newer draft typed meanwhile stays. */
    text: z.string().max(LIMITS.text),
  }),
  createAction: actionFields.extend({
    personId: idSchema,
    meetingId: idSchema.nullable(),
    text: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.short * 4),
  }),
  updateAction: update(actionFields),
  createGoal: goalFields.extend({ personId: idSchema, text: z.string().trim().min(1).max(4000) }),
  updateGoal: update(goalFields),
  createTemplate: templateFields,
  updateTemplate: update(templateFields),
  deleteRecord: z.strictObject({
    table: z.enum(['meetings', 'notes', 'actions', 'goals', 'templates']),
    id: idSchema,
  }),
  deletePerson: z.strictObject({ personId: idSchema }),
  deleteAll: z.strictObject({
    confirm: z.literal('delete-everything'),
    /** Also the sync server's copy (options page only; api-data.ts). */
    serverCopy: z.boolean().optional(),
  }),
  exportPersonMarkdown: z.strictObject({
    personId: idSchema,
    includePrivate: z.boolean(),
    lang: z.enum(['ja', 'en']),
  }),
  exportActionsCsv: z.strictObject({ personId: idSchema.optional() }),
  exportPersonJson: z.strictObject({ personId: idSchema }),
  getSettings: none,
  savePopupSnapshot: z
    .strictObject({
      lang: z.enum(['ja', 'en']),
      note: z.string().max(SNAPSHOT_LIMITS.attr),
      tree: snapNode,
    })
    .refine((s) => countNodes(s.tree) <= SNAPSHOT_LIMITS.nodes, 'too many nodes')
    .refine((s) => JSON.stringify(s.tree).length <= SNAPSHOT_LIMITS.chars, 'too large'),
  syncConnect: z.strictObject({
    url: z.string().min(1).max(2_000),
    db: z.string().min(1).max(238),
    user: z.string().min(1).max(LIMITS.short),
    password: z.string().min(1).max(LIMITS.short),
    passphrase: z.string().min(1).max(LIMITS.short),
    mode: z.enum(['first', 'join']),
    createDatabase: z.boolean().optional(),
    replaceServerData: z.boolean().optional(),
  }),
  syncNow: none,
  getSyncStatus: none,
  syncForget: z.strictObject({ confirm: z.literal('forget-this-device') }),
  saveSettings: settingsSchema.partial(),
  // The calendar feed (options page; its status also in the popup).
  getFeedStatus: none,
  feedConnect: z.strictObject({
    /** The secret address: checked in full by the background (utils/feed/url.ts). */
    url: z.string().trim().min(1).max(4_000),
    selfEmail: optionalEmail,
  }),
  feedSetSelf: z.strictObject({ selfEmail: optionalEmail }),
  feedRefresh: none,
  feedDisconnect: z.strictObject({ confirm: z.literal('turn-off-feed') }),
};

export type Inputs = { [K in keyof typeof inputs]: z.input<(typeof inputs)[K]> };
