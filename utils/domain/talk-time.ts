/** Samples of "still quiet" before a speaker counts as silent (google-dom.md: about 4). */
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
  measurable = false;

  /** Who speaks at `now`; the time since the previous sample goes to whoever spoke through it. */
  sample(tiles: readonly SpeakingSample[], now: number): void {
    const dt = this.lastAt === null ? 0 : Math.max(0, Math.min(now - this.lastAt, 2_000));
    this.lastAt = now;
    const measured = tiles.filter((t) => t.speaking !== null);
    this.measurable = measured.length > 0 && measured.filter((t) => t.isSelf).length === 1;
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
    return { ...this.totals, measurable: this.measurable };
  }

  private credit(isSelf: boolean, ms: number): void {
    if (isSelf) this.totals.selfMs += ms;
    else this.totals.othersMs += ms;
  }
}
