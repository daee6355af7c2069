import { z } from 'zod';
import { DEFAULT_KEYWORDS } from '@/utils/domain/classify';
import { CADENCES } from '@/utils/model/enums';

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
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  keywords: DEFAULT_KEYWORDS,
  includeMendan: false,
  talkTargetSelfPercent: 20,
  showNotEvaluationReminder: true,
  defaultCadence: 'biweekly',
};

/** Settings as stored, with anything missing or invalid replaced by its default. */
export function parseSettings(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(stored as object | null) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
