import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribeToChanges } from '@/utils/messaging/changes';
import { sendMessage, type ProtocolMap } from '@/utils/messaging/protocol';
import { READ_TOPICS, type LiveRead } from '@/utils/messaging/reads';

export type Live<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: string };

type Data<K extends LiveRead> = Parameters<ProtocolMap[K]>[0];
type Answer<K extends LiveRead> = ReturnType<ProtocolMap[K]>;

/**
 * A read of the background, kept live: loaded, and loaded again whenever one of the change topics
 * the read depends on changes (utils/messaging/reads.ts), in this view or any other, so every
 * open view shows a write within a second, with no polling. `data === null` means there is
 * nothing to read (the panel points at no event): nothing of a previous subject stays. `load`
 * replaces the plain request where an answer was asked for early (early-load.ts). Answers to
 * superseded requests are dropped.
 */
export function useLive<K extends LiveRead>(
  read: K,
  data: Data<K> | null,
  load?: () => Promise<Answer<K>>,
): Live<Answer<K>> & { reload: () => void } {
  const [live, setLive] = useState<Live<Answer<K>>>({ state: 'loading' });
  const key = data === null ? null : `${read}:${JSON.stringify(data ?? null)}`;
  const loadRef = useRef<() => Promise<Answer<K>>>(undefined as never);
  loadRef.current =
    load ?? (() => sendMessage(read, data as never) as unknown as Promise<Answer<K>>);
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
  useEffect(() => {
    request.current++;
    setLive({ state: 'loading' });
    if (key === null) return;
    reload();
    const controller = new AbortController();
    const topics = new Set<string>(READ_TOPICS[read]);
    subscribeToChanges((event) => {
      if (event.tables.some((t) => topics.has(t))) reload();
    }, controller.signal);
    return () => controller.abort();
  }, [read, key, reload]);
  return { ...live, reload };
}
