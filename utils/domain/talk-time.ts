/** Samples of "still quiet" before a speaker counts as silent (docs/google-pages.md § participants: about 4). */
export const QUIET_SAMPLES = 4;

export interface SpeakingSample {
  key: string;
  isSelf: boolean;
  /** Null when the tile has no speaking indicator. */
  speaking: boolean | null;
}

export interface TalkTotals {
  selfMs: number;
  othersMs: number;
  /** False when the indicators (or the user's own tile) cannot be found: no number is better than a wrong one. */
  measurable: boolean;
  /**
   * The indicators were there but said something no real call does (see {@link SpeakingCheck}):
   * nothing measured in this call can be trusted, so none of it should be kept.
   */
  implausible: boolean;
}

/** Everyone (two or more) "speaking" in every sample for this long is not a conversation. */
export const ALL_SPEAKING_LIMIT_MS = 10_000;
/** One tile "speaking" in every sample for this long, never a quiet frame, is not speech. */
export const NEVER_SILENT_LIMIT_MS = 3 * 60_000;

/**
 * A plausibility check on the raw speaking signal (before hysteresis). Real speech makes the
 * quiet class flicker back between words (~20 % of frames in a 2026 measurement), so a speaker
 * is never "speaking" in every sample for minutes, and two people never for many seconds at
 * once. If Meet renames the obfuscated quiet class, every tile reads as speaking all the time:
 * this is how that is noticed, so the meter says "cannot measure" instead of a wrong share.
 * Once implausible, the call stays so: a renamed class does not come back.
 */
export class SpeakingCheck {
  /** Since when each tile has read "speaking" in every sample. */
  private runs = new Map<string, number>();
  /** Since when every measured tile (two or more) has read "speaking" in every sample. */
  private allSince: number | null = null;
  implausible = false;

  sample(tiles: readonly SpeakingSample[], now: number): void {
    if (this.implausible) return;
    const measured = tiles.filter((t) => t.speaking !== null);
    for (const tile of measured) {
      if (!tile.speaking) this.runs.delete(tile.key);
      else if (!this.runs.has(tile.key)) this.runs.set(tile.key, now);
    }
    for (const key of this.runs.keys()) {
      if (!measured.some((t) => t.key === key)) this.runs.delete(key);
    }
    const everyone = measured.length >= 2 && measured.every((t) => t.speaking);
    this.allSince = everyone ? (this.allSince ?? now) : null;
    const longest = Math.min(now, ...this.runs.values());
    this.implausible =
      (this.allSince !== null && now - this.allSince >= ALL_SPEAKING_LIMIT_MS) ||
      now - longest >= NEVER_SILENT_LIMIT_MS;
  }
}

interface Speaker {
  speaking: boolean;
  quiet: number;
  /** Time since the speaker went quiet: theirs if they resume, nobody's once they are silent. */
  pendingMs: number;
}

/**
 * Talk time from the per-tile speaking indicators, sampled a few times a second. The indicator
 * flickers between words, so a speaker stays "speaking" through up to {@link QUIET_SAMPLES}
 * quiet samples; the pause is credited to them only if they resume, so the hysteresis adds no
 * tail to anyone's time. Nothing is heard or recorded: only the indicators are read.
 */
export class TalkMeter {
  private speakers = new Map<string, Speaker>();
  private totals = { selfMs: 0, othersMs: 0 };
  private lastAt: number | null = null;
  private check = new SpeakingCheck();
  measurable = false;

  /** Who speaks at `now`; the time since the previous sample goes to whoever spoke through it. */
  sample(tiles: readonly SpeakingSample[], now: number): void {
    const dt = this.lastAt === null ? 0 : Math.max(0, Math.min(now - this.lastAt, 2_000));
    this.lastAt = now;
    const measured = tiles.filter((t) => t.speaking !== null);
    this.check.sample(measured, now);
    this.measurable =
      !this.check.implausible &&
      measured.length > 0 &&
      measured.filter((t) => t.isSelf).length === 1;
    if (!this.measurable) return;
    for (const tile of measured) {
      const speaker = this.speakers.get(tile.key) ?? { speaking: false, quiet: 0, pendingMs: 0 };
      this.speakers.set(tile.key, speaker);
      if (tile.speaking) {
        this.credit(tile.isSelf, speaker.pendingMs + dt);
        speaker.speaking = true;
        speaker.quiet = 0;
        speaker.pendingMs = 0;
      } else if (speaker.speaking) {
        speaker.pendingMs += dt;
        if (++speaker.quiet >= QUIET_SAMPLES) {
          speaker.speaking = false;
          speaker.quiet = 0;
          speaker.pendingMs = 0;
        }
      }
    }
  }

  /** Who is speaking now (after hysteresis), by tile key. */
  speakingNow(): string[] {
    return [...this.speakers].filter(([, s]) => s.speaking).map(([key]) => key);
  }

  read(): TalkTotals {
    return { ...this.totals, measurable: this.measurable, implausible: this.check.implausible };
  }

  private credit(isSelf: boolean, ms: number): void {
    if (isSelf) this.totals.selfMs += ms;
    else this.totals.othersMs += ms;
  }
}
