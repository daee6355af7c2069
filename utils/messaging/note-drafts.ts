import type { Note } from '@/utils/model/entities';

/**
 * Text typed into a note and not yet confirmed saved. Every change is journaled in the
 * background's database (never in `storage.local`, which content scripts can read) until its
 * save succeeds: a frame torn down with its tab, a Meet crash or an extension update may not get
 * its last save through, and the background then commits what was journaled
 * (entrypoints/background/note-drafts.ts).
 */
export interface NoteDraft {
  text: string;
  /** When it was typed (epoch ms). */
  at: number;
  /**
   * The clock of the note's text this was typed over (null: no note yet). If the note has moved
   * on since (another device, another view), the draft is added to it, never put in its place.
   */
  base: string | null;
}

/** The clock of a note's text: what a draft remembers it was typed over. */
export const textClock = (
  note: Pick<Note, 'hlc' | 'fieldHlc'> | null | undefined,
): string | null => (note ? (note.fieldHlc.text ?? note.hlc) : null);
