import { useState } from 'react';
import type { Settings } from '@/utils/settings';
import { useLive } from '@/hooks/use-live';
import { write } from '@/utils/pages/send';

/**
 * The settings and a way to change some of them (saved through the background, validated). A
 * change shows at once; a save that fails is reported and the stored settings shown again.
 */
export function useSettings(): {
  settings: Settings | null;
  save: (patch: Partial<Settings>) => Promise<boolean>;
} {
  const live = useLive('getSettings', undefined);
  const [pending, setPending] = useState<Partial<Settings>>({});
  const stored = live.state === 'ready' ? live.value : null;
  return {
    settings: stored && { ...stored, ...pending },
    save: async (patch) => {
      setPending((p) => ({ ...p, ...patch }));
      const saved = await write('saveSettings', patch);
      // Saved, the change stays what is shown (the stored settings now say the same); failed,
      // the stored value shows again.
      if (!saved) {
        setPending((p) => Object.fromEntries(Object.entries(p).filter(([key]) => !(key in patch))));
      }
      live.reload();
      return saved !== undefined;
    },
  };
}
