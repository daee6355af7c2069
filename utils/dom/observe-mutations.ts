/**
 * Calls `onChange` at most once per `delayMs` while anything under `root` changes, until `signal`
 * aborts. Google's pages mutate constantly; batching keeps a content script's cost to one cheap
 * check per batch, and a timer (not requestAnimationFrame) keeps working in background tabs.
 */
export function observeMutations(
  root: Node,
  onChange: () => void,
  signal: AbortSignal,
  init: MutationObserverInit = { childList: true, subtree: true },
  delayMs = 50,
): void {
  if (signal.aborted) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      if (!signal.aborted) onChange();
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
