import { browser } from 'wxt/browser';
import { encodeHlc } from '@/utils/domain/hlc';
import { joinNoteTexts, noteJoinMarker } from '@/utils/domain/merge';
import { textClock, type NoteDraft } from '@/utils/messaging/note-drafts';
import type { Note } from '@/utils/model/entities';
import { getDb } from './db/database';
import { META_KEYS } from './db/meta-keys';
import { saveNote } from './db/notes';
import { NotFoundError, writeTransaction } from './db/write';

/** A journal untouched this long belongs to a view that is gone (or never got its save through). */
const QUIET_MS = 2_000;

const draftKey = (meetingId: string, kind: Note['kind']) =>
  `${META_KEYS.draftPrefix}${meetingId}:${kind}`;
/** The meeting and note kind a journal key names (this version's, or the old storage one's). */
const parseKey = (key: string, pattern = /^draft:([\w-]{1,64}):(shared|private)$/) => {
  const [, meetingId, kind] = pattern.exec(key) ?? [];
  return meetingId && kind ? { meetingId, kind: kind as Note['kind'] } : null;
};

/** The journal of the 2026-11 versions, in `storage.local`: moved here once, then removed. */
const LEGACY_KEY = /^noteDraft:([\w-]{1,64}):(shared|private)$/;

/**
 * The note-draft journal (see utils/messaging/note-drafts.ts): views journal each change of a
 * note here and drop it once saved; what is left is committed a moment after its last change,
 * and on start (after an extension update or a browser crash). Nothing typed is lost, and a
 * note that moved on since the draft's typing keeps both texts, marked as sync marks them.
 */
export function setupNoteDrafts(): void {
  recoverDrafts().then(
    (keys) => keys.forEach(commitLater),
    (error: unknown) => console.warn('Taiwa could not read the draft journal:', error),
  );
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Commits a journal a moment after its last change (kept if that fails: the next start commits it). */
function commitLater(key: string): void {
  clearTimeout(timers.get(key));
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key);
      commitDraft(key).catch((error: unknown) =>
        console.warn('Taiwa could not commit a draft:', error),
      );
    }, QUIET_MS),
  );
}

/** Journals a note's text as typed (over the note's text clock `base`). */
export async function journalDraft(
  meetingId: string,
  kind: Note['kind'],
  text: string,
  base: string | null,
): Promise<void> {
  const key = draftKey(meetingId, kind);
  await getDb().meta.put({ key, value: { text, at: Date.now(), base } satisfies NoteDraft });
  commitLater(key);
}

/** Drops a journal once its text was saved, unless something newer was typed meanwhile. */
export async function dropDraft(
  meetingId: string,
  kind: Note['kind'],
  text: string,
): Promise<void> {
  const key = draftKey(meetingId, kind);
  await getDb().transaction('rw', getDb().meta, async () => {
    const draft = (await getDb().meta.get(key))?.value as NoteDraft | undefined;
    if (draft?.text === text) await getDb().meta.delete(key);
  });
}

/** Drafts left from before (this version's and the old `storage.local` journal): their keys. */
export async function recoverDrafts(): Promise<string[]> {
  const legacy = await browser.storage.local.get(null);
  for (const [key, value] of Object.entries(legacy)) {
    const target = parseKey(key, LEGACY_KEY);
    if (!target) continue;
    const old = value as { text?: unknown; at?: unknown } | null;
    if (typeof old?.text === 'string') {
      // No base was kept then: whatever the note holds now is kept, the draft added to it.
      const draft: NoteDraft = { text: old.text, at: Number(old.at) || Date.now(), base: '' };
      await getDb().meta.put({ key: draftKey(target.meetingId, target.kind), value: draft });
    }
    await browser.storage.local.remove(key);
  }
  return (await getDb()
    .meta.where('key')
    .startsWith(META_KEYS.draftPrefix)
    .primaryKeys()) as string[];
}

export async function commitDraft(key: string): Promise<void> {
  const target = parseKey(key);
  const draft = (await getDb().meta.get(key))?.value as NoteDraft | undefined;
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
  await getDb().transaction('rw', getDb().meta, async () => {
    const now = (await getDb().meta.get(key))?.value as NoteDraft | undefined;
    if (now?.at === draft.at && now.text === draft.text) await getDb().meta.delete(key);
  });
}

/**
 * The note's text with the draft in it, or null when the note already holds it. The draft takes
 * the note's place only if the note is still the one it was typed over (same text clock);
 * otherwise the note moved on (another device, another view) and the draft's text is added
 * under the marker sync uses for concurrent edits. A clock, never a device's wall time, decides.
 */
export function mergeDraft(
  note: Pick<Note, 'text' | 'hlc' | 'fieldHlc'> | null,
  draft: NoteDraft,
): string | null {
  if (!note) return draft.text;
  if (note.text === draft.text) return null;
  // Still the note it was typed over: the draft is its next state (a deletion included).
  if (draft.base !== null && textClock(note) === draft.base) return draft.text;
  if (note.text.includes(draft.text)) return null;
  const typedAt = encodeHlc({ wall: draft.at, counter: 0, deviceId: '' });
  return joinNoteTexts(note.text, draft.text, noteJoinMarker(typedAt));
}
