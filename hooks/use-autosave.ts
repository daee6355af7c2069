import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/**
 * Notes save as the user types, at most 300 ms later (docs/architecture.md § Data); 200 keeps a
 * keystroke's way to the database under 300 ms.
 */
export const AUTOSAVE_DELAY_MS = 200;

/** Where every change is journaled until its save succeeds (see utils/messaging/note-drafts.ts). */
export interface Journal {
  write(text: string): void;
  /** `text` was saved: its journal entry can go (unless newer text was journaled since). */
  drop(text: string): void;
}

/**
 * Text that saves itself: `save` runs 200 ms after the last keystroke, and at once when the page
 * is hidden or closed. A frame torn down with its tab may not get that last save through, so
 * every change can also go to a `journal` until a save of it succeeds; the background commits
 * what is left there (it is never shown here in the note's place). A failed save keeps the text
 * and retries on the next change or flush.
 */
export function useAutosave(
  initial: string,
  save: (text: string) => Promise<unknown>,
  journal: Journal | null = null,
): { text: string; setText: (text: string) => void; state: SaveState; flush: () => void } {
  const [text, setTextState] = useState(initial);
  const [state, setState] = useState<SaveState>('saved');
  const latest = useRef(initial);
  const saved = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const journalRef = useRef(journal);
  journalRef.current = journal;

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
        if (done) journalRef.current?.drop(text);
        // Typed on while saving: journaled again over the version that save produced.
        else journalRef.current?.write(latest.current);
      },
      () => setState('error'),
    );
  }, []);

  const setText = useCallback(
    (next: string) => {
      latest.current = next;
      setTextState(next);
      setState('pending');
      journalRef.current?.write(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

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
