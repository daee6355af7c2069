import { useEffect } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { CallView } from '@/utils/messaging/views';
import { useLive } from '@/components/use-live';

/** Talk time and the call's phase change without a database write: asked for this often. */
const POLL_MS = 1_000;

/** The Meet code the content script names in this page's URL fragment. */
const meetCodeFromHash = () => /^#([a-z]{3}-[a-z]{4}-[a-z]{3})$/.exec(location.hash)?.[1] ?? null;

/** The first request, sent as this module runs, so its round trip overlaps React's start. */
let early: Promise<CallView | null> | null = meetCodeFromHash()
  ? sendMessage('getCallView', undefined)
  : null;

/** The call in this tab, as the background follows it: refreshed every second and on writes. */
export function useCallView() {
  const live = useLive<CallView | null>(
    meetCodeFromHash() ?? 'none',
    () => {
      const first = early;
      early = null;
      return first ?? sendMessage('getCallView', undefined);
    },
    ['meetings', 'people'],
  );
  const { reload } = live;
  useEffect(() => {
    const onHash = () => reload();
    const timer = setInterval(reload, POLL_MS);
    window.addEventListener('hashchange', onHash);
    return () => {
      clearInterval(timer);
      window.removeEventListener('hashchange', onHash);
    };
  }, [reload]);
  return live;
}
