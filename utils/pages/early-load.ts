/** Loads asked for ahead of rendering, by key. */
const early = new Map<string, Promise<unknown>>();

/** Where entrypoints/early-start.ts leaves the loads it started before the app's code ran. */
export const EARLY_GLOBAL = 'taiwaEarlyLoads';
export type EarlyLoads = Map<string, Promise<unknown>>;

/**
 * Starts a load before the view that needs it renders, so the request to the background overlaps
 * the page's start (script, language, first render) instead of following it.
 */
export function startEarly<T>(key: string, load: () => Promise<T>): void {
  if (!early.has(key)) early.set(key, load());
}

/**
 * The load started early for `key` (here or by the early-start script), once: later loads must
 * ask afresh. Else a new one.
 */
export function takeEarly<T>(key: string, load: () => Promise<T>): Promise<T> {
  const loads = (globalThis as Record<string, unknown>)[EARLY_GLOBAL] as EarlyLoads | undefined;
  const started = (early.get(key) ?? loads?.get(key)) as Promise<T> | undefined;
  early.delete(key);
  loads?.delete(key);
  return started ?? load();
}
