import { sendMessage } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings';
import { useLive } from '@/components/use-live';
import { write } from '@/components/send';

/** The settings and a way to change some of them (saved through the background, validated). */
export function useSettings(): {
  settings: Settings | null;
  save: (patch: Partial<Settings>) => Promise<boolean>;
} {
  const live = useLive('settings', () => sendMessage('getSettings', undefined), []);
  return {
    settings: live.state === 'ready' ? live.value : null,
    save: async (patch) => {
      const saved = await write('saveSettings', patch);
      live.reload();
      return saved !== undefined;
    },
  };
}
