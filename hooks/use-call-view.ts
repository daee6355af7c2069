import { useEffect } from 'react';
import type { CallView } from '@/utils/messaging/views';
import { useLive } from '@/hooks/use-live';
import { askCall, meetCodeFromHash } from '@/utils/pages/call-request';

/** A safety net: the background announces every change of the call ('calls' change events). */
const POLL_MS = 5_000;

/**
 * The call in this tab, as the background follows it, live: the background announces each
 * change (phase, whose call, talk time), so a sidebar loaded ahead of the call (out of sight, in
 * the lobby) shows the call the moment it starts.
 */
export function useCallView() {
  const live = useLive<CallView | null>(meetCodeFromHash() ?? 'none', askCall, [
    'meetings',
    'people',
    'calls',
  ]);
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
