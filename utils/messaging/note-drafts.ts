import { storage } from 'wxt/utils/storage';

/**
 * Text typed into a note and not yet confirmed saved, journaled in extension storage on every
 * change. A frame that is being torn down (its tab closed, Meet crashed, the extension updated)
 * may not get its last message through; what it wrote here on each keystroke is on disk already,
 * and the background commits it to the note (entrypoints/background/note-drafts.ts).
 */
export interface NoteDraft {
  text: string;
  /** When it was typed (epoch ms). */
  at: number;
}

const PREFIX = 'noteDraft:';

export const noteDraftKey = (meetingId: string, kind: 'shared' | 'private') =>
  `${PREFIX}${meetingId}:${kind}`;

/** The meeting and note kind a storage key journals, or null for any other key. */
export function parseNoteDraftKey(
  key: string,
): { meetingId: string; kind: 'shared' | 'private' } | null {
  const match = /^noteDraft:([\w-]{1,64}):(shared|private)$/.exec(key);
  const [, meetingId, kind] = match ?? [];
  return meetingId && kind ? { meetingId, kind: kind as 'shared' | 'private' } : null;
}

export const readNoteDraft = (key: string) => storage.getItem<NoteDraft>(`local:${key}`);
export const writeNoteDraft = (key: string, text: string) =>
  storage.setItem<NoteDraft>(`local:${key}`, { text, at: Date.now() });
export const removeNoteDraft = (key: string) => storage.removeItem(`local:${key}`);
