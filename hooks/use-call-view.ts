import { useEffect } from 'react';
import { useLive } from '@/hooks/use-live';
import { askCall } from '@/utils/pages/call-request';

/**
 * The call in this tab, as the background follows it, live: the background announces each
 * change (phase, whose call, talk time) by the `calls` topic, so a sidebar loaded ahead of the
 * call (out of sight, in the lobby) shows the call the moment it starts. The content script
 * names a new call in the fragment (Meet switched calls without a page load).
 */
export function useCallView() {
  const live = useLive('getCallView', undefined, askCall);
  const { reload } = live;
  useEffect(() => {
    const onHash = () => reload();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [reload]);
  return live;
}
