import { useEffect, useState } from 'react';
import { sendMessage, type BackgroundStatus } from '@/utils/messaging/protocol';

export type StatusState =
  | { state: 'loading' }
  | { state: 'ok'; status: BackgroundStatus }
  | { state: 'offline'; error: string };

/** Asks the background whether it is alive, so a page can say so instead of staying empty. */
export function useBackgroundStatus(): StatusState {
  const [value, setValue] = useState<StatusState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    sendMessage('getStatus', undefined).then(
      (status) => live && setValue({ state: 'ok', status }),
      (error: unknown) => live && setValue({ state: 'offline', error: String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return value;
}
