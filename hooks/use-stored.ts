import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** A small preference from extension storage, kept in step with other views. */
export function useStored<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(item.fallback);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return [value, (next: T) => void item.setValue(next).then(() => setValue(next))];
}
