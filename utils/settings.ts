import { z } from 'zod';
import { DEFAULT_KEYWORDS } from '@/utils/domain/classify';
import { CADENCES } from '@/utils/model/enums';

/** A time of day, `HH:MM` (24-hour, local time). */
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * Reminders (entrypoints/background/reminders.ts): off until the user turns them on, which asks
 * for the optional `notifications` permission. Kept on this device, like every setting.
 */
export const reminderSettingsSchema = z.strictObject({
  on: z.boolean(),
  /** Minutes before a 1on1 to remind of it. */
  minutesBefore: z.number().int().min(1).max(240),
  /** After the planned end, when no wrap-up was recorded: "Wrap up with …?". */
  wrapUp: z.boolean(),
  /** A morning list of who is overdue by their rhythm (off by default). */
  digest: z.boolean(),
  digestAt: clock,
  /** No reminder between these times (they may wrap midnight). */
  quiet: z.boolean(),
  quietFrom: clock,
  quietTo: clock,
  /** People whose 1on1s get no reminder (person ids). */
  mutedPeople: z
    .array(
      z
        .string()
        .max(64)
        .regex(/^[\w-]+$/),
    )
    .max(2_000),
});

export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDERS: ReminderSettings = {
  on: false,
  minutesBefore: 10,
  wrapUp: true,
  digest: false,
  digestAt: '09:00',
  quiet: false,
  quietFrom: '20:00',
  quietTo: '08:00',
  mutedPeople: [],
};

/**
 * The user's preferences. Kept by the background only (entrypoints/background/settings-store.ts):
 * keywords are words the user typed, and no user text goes where content scripts can read it.
 */
export const settingsSchema = z.strictObject({
  /** Title keywords that mark a 1on1. */
  keywords: z.array(z.string().trim().min(1).max(100)).max(50),
  /** 面談 also counts (off by default: an evaluation interview is not a 1on1). */
  includeMendan: z.boolean(),
  /** The manager's share of talk time to aim for, 0–100 (the member talks the rest). */
  talkTargetSelfPercent: z.number().int().min(0).max(100),
  /** Show "a 1on1 is not an evaluation" in the prep panel. */
  showNotEvaluationReminder: z.boolean(),
  /** The cadence a new person starts with (each person's own can differ). */
  defaultCadence: z.enum(CADENCES),
  reminders: reminderSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  keywords: DEFAULT_KEYWORDS,
  includeMendan: false,
  talkTargetSelfPercent: 20,
  showNotEvaluationReminder: true,
  defaultCadence: 'biweekly',
  reminders: DEFAULT_REMINDERS,
};

/** Settings as stored, with anything missing or invalid replaced by its default. */
export function parseSettings(stored: unknown): Settings {
  const given = (stored ?? {}) as Partial<Settings>;
  // Reminders added in 2026-12: settings saved before hold none, or only some of them.
  const reminders = reminderSettingsSchema.safeParse({ ...DEFAULT_REMINDERS, ...given.reminders });
  const parsed = settingsSchema.safeParse({
    ...DEFAULT_SETTINGS,
    ...given,
    reminders: reminders.success ? reminders.data : DEFAULT_REMINDERS,
  });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
