import { useCallback, useEffect, useRef, useState } from 'react';
import { readNoteDraft, removeNoteDraft, writeNoteDraft } from '@/utils/messaging/note-drafts';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/** DESIGN.md: notes save as the user types, at most 300 ms later; 200 keeps a keystroke's way to the database under 300 ms. */
export const AUTOSAVE_DELAY_MS = 200;

/**
 * Text that saves itself: `save` runs 200 ms after the last keystroke, and at once when the page
 * is hidden or closed. A frame torn down with its tab may not get that last save through, so
 * every change of a note is also journaled under `draftKey` (see note-drafts.ts) until a save of it
 * succeeds; a journal left behind is shown here again, and committed by the background. A failed
 * save keeps the text and retries on the next change or flush.
 */
export function useAutosave(
  initial: string,
  save: (text: string) => Promise<unknown>,
  draftKey: string | null = null,
): { text: string; setText: (text: string) => void; state: SaveState; flush: () => void } {
  const [text, setTextState] = useState(initial);
  const [state, setState] = useState<SaveState>('saved');
  const latest = useRef(initial);
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = latest.current;
    if (text === saved.current) return;
    setState('saving');
    saveRef.current(text).then(
      () => {
        saved.current = text;
        const done = latest.current === text;
        setState(done ? 'saved' : 'pending');
        if (done && draftKey) void removeNoteDraft(draftKey).catch(() => undefined);
      },
      () => setState('error'),
    );
  }, [draftKey]);

  const setText = useCallback(
    (next: string) => {
      latest.current = next;
      setTextState(next);
      setState('pending');
      if (draftKey) void writeNoteDraft(draftKey, next).catch(() => undefined);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush, draftKey],
  );

  // Text typed here before a crash or an update, never confirmed saved: it is the newest.
  useEffect(() => {
    if (!draftKey) return;
    let stale = false;
    void readNoteDraft(draftKey).then((draft) => {
      if (!stale && draft && draft.text !== latest.current) setText(draft.text);
    });
    return () => {
      stale = true;
    };
  }, [draftKey, setText]);

  // Text changed elsewhere (another view) while nothing is pending here: show it.
  useEffect(() => {
    if (latest.current !== saved.current || initial === saved.current) return;
    latest.current = initial;
    saved.current = initial;
    setTextState(initial);
  }, [initial]);

  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  return { text, setText, state, flush };
}
