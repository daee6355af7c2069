import { browser } from 'wxt/browser';
import {
  parseNoteDraftKey,
  readNoteDraft,
  removeNoteDraft,
  type NoteDraft,
} from '@/utils/messaging/note-drafts';
import { saveNote } from './db/items';
import { NotFoundError, writeTransaction } from './db/write';

/** A journal untouched this long belongs to a view that is gone (or never got its save through). */
const QUIET_MS = 2_000;

/**
 * Commits note drafts that their view left behind (see utils/messaging/note-drafts.ts): on start
 * (after an extension update or a browser crash) and a moment after the last change of each,
 * unless the view's own save removed it first. Nothing typed is lost, and nothing newer is
 * overwritten: a note changed elsewhere after the draft keeps both texts.
 */
export function setupNoteDrafts(): void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const later = (key: string) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void commitDraft(key);
      }, QUIET_MS),
    );
  };
  browser.storage.local.onChanged.addListener((changes) => {
    for (const [key, change] of Object.entries(changes)) {
      if (parseNoteDraftKey(key) && change.newValue) later(key);
    }
  });
  void browser.storage.local.get(null).then((all) => {
    for (const key of Object.keys(all)) if (parseNoteDraftKey(key)) later(key);
  });
}

/** Text recovered into a note that changed after it was typed, marked so the user sees it. */
export const RECOVERED_MARK = '\n\n--- Taiwa: recovered unsaved text ---\n';

export async function commitDraft(key: string): Promise<void> {
  const target = parseNoteDraftKey(key);
  const draft = await readNoteDraft(key);
  if (!target || !draft) return;
  try {
    await writeTransaction(async (ctx) => {
      const note = (
        await ctx.db.notes
          .where('[meetingId+kind]')
          .equals([target.meetingId, target.kind])
          .toArray()
      ).find((n) => !n.deleted);
      const text = mergeDraft(note ?? null, draft);
      if (text !== null) await saveNote(ctx, target.meetingId, target.kind, text);
    });
  } catch (error) {
    // The meeting is gone (the user deleted it): there is nothing left to add the text to.
    if (!(error instanceof NotFoundError)) return;
  }
  // Removed only if nothing was typed meanwhile (a newer draft gets its own turn).
  if ((await readNoteDraft(key))?.at === draft.at) await removeNoteDraft(key);
}

/**
 * Saves of the same typing session land a moment after the keystrokes they follow: a note
 * written within this long after the draft is taken to be an earlier state of it.
 */
const SAME_SESSION_MS = 5_000;

/** The note's text with the draft in it, or null when the note already holds it. */
export function mergeDraft(note: { text: string; updatedAt: number } | null, draft: NoteDraft) {
  if (note?.text === draft.text) return null;
  if (!note || note.updatedAt <= draft.at + SAME_SESSION_MS) return draft.text;
  if (note.text.includes(draft.text)) return null;
  return `${note.text}${RECOVERED_MARK}${draft.text}`;
}
