/**
 * Calls `onChange` at most once per `delayMs` while anything under `root` changes, until `signal`
 * aborts. Google's pages mutate constantly; batching keeps a content script's cost to one cheap
 * check per batch, and a timer (not requestAnimationFrame) keeps working in background tabs.
 * With `'sync'`, `onChange` runs in the observer callback itself, before the browser paints,
 * and gets the records: for what must follow the page within the same frame (the panel beside
 * an opening card) yet can tell cheaply that a batch does not concern it.
 */
export function observeMutations(
  root: Node,
  onChange: (records: MutationRecord[]) => void,
  signal: AbortSignal,
  init: MutationObserverInit = { childList: true, subtree: true },
  delayMs: number | 'sync' = 50,
): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (delayMs === 'sync') {
      if (!signal.aborted) onChange(records);
      return;
    }
    timer ??= setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) onChange([]);
    }, delayMs);
  });
  observer.observe(root, init);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
}
