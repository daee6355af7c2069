/** Loads asked for ahead of rendering, by key. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts a load before the view that needs it renders, so the request to the background overlaps
 * the page's start (script, language, first render) instead of following it.
 */
export function startEarly<T>(key: string, load: () => Promise<T>): void {
  if (!early.has(key)) early.set(key, load());
}

/** The load started early for `key`, once (later loads must ask afresh), else a new one. */
export function takeEarly<T>(key: string, load: () => Promise<T>): Promise<T> {
  const started = early.get(key) as Promise<T> | undefined;
  early.delete(key);
  return started ?? load();
}
