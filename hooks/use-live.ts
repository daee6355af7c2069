import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribeToChanges, type ChangeTopic } from '@/utils/messaging/changes';

export type Live<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

/**
 * Loads a view from the background and loads it again whenever one of `tables` changes (in this
 * view or any other), so every open view shows a write within a second. `key` names what is
 * loaded; a change of key starts over. Answers to superseded requests are dropped.
 */
export function useLive<T>(
  key: string | null,
  load: () => Promise<T>,
  tables: readonly ChangeTopic[],
): Live<T> & { reload: () => void } {
  const [live, setLive] = useState<Live<T>>({ state: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const request = useRef(0);
  const reload = useCallback(() => {
    const mine = ++request.current;
    loadRef.current().then(
      (value) => mine === request.current && setLive({ state: 'ready', value }),
      (error: unknown) =>
        mine === request.current &&
        setLive({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  const watched = tables.join(',');
  useEffect(() => {
    // Nothing to show (the panel pointed at no event): nothing of the previous subject stays.
    request.current++;
    setLive({ state: 'loading' });
    if (key === null) return;
    reload();
    const controller = new AbortController();
    const names = new Set(watched.split(','));
    subscribeToChanges((event) => {
      if (event.tables.some((t) => names.has(t))) reload();
    }, controller.signal);
    return () => controller.abort();
  }, [key, watched, reload]);
  return { ...live, reload };
}
