import { useState } from 'react';
import type { ActionItem } from '@/utils/model/entities';
import { write } from '@/utils/pages/send';

/**
 * Action items checked off in a view stay in sight there (struck through) until the view closes,
 * though the list they came from no longer holds them, so a mis-click can be undone where it
 * happened. `items` is `listed` plus those; `toggle` checks one off or on.
 */
export function useCheckOff(listed: ActionItem[]): {
  items: ActionItem[];
  toggle: (item: ActionItem, done: boolean) => Promise<void>;
} {
  const [checked, setChecked] = useState<Map<string, ActionItem>>(new Map());
  const ids = new Set(listed.map((a) => a.id));
  return {
    items: [...listed, ...[...checked.values()].filter((a) => !ids.has(a.id))],
    toggle: async (item, done) => {
      const saved = await write('updateAction', { id: item.id, patch: { done } });
      if (saved) setChecked((map) => new Map(map).set(saved.id, saved));
    },
  };
}
