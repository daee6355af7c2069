import { observeMutations } from './observe-mutations';

/** A host element whose attributes Taiwa owns; see {@link guardHost}. */
export interface HostGuard {
  /**
   * Makes a change of Taiwa's own: first puts back anything the page changed, then applies
   * `change` and keeps the result, so a tampered state is never adopted along with it.
   */
  change(change: () => void): void;
}

/**
 * Keeps a mounted host the way Taiwa left it. Google's scripts restyle, strip or remove foreign
 * nodes, and a hostile page could point the iframe elsewhere; this restores the host's and the
 * iframe's attributes and re-attaches the host when it is removed, until `signal` aborts.
 */
export function guardHost(
  host: HTMLElement,
  frame: HTMLIFrameElement,
  reattach: () => void,
  signal: AbortSignal,
): HostGuard {
  let kept = new Map<Element, Map<string, string>>();
  const commit = () => {
    kept = new Map([host, frame].map((el) => [el, attributesOf(el)]));
  };
  const restore = () => {
    for (const [el, attrs] of kept) {
      for (const { name } of [...el.attributes]) if (!attrs.has(name)) el.removeAttribute(name);
      for (const [name, value] of attrs) {
        if (el.getAttribute(name) !== value) el.setAttribute(name, value);
      }
    }
    if (frame.parentElement !== host) host.append(frame);
    if (!host.isConnected) reattach();
  };
  commit();
  const change = (fn: () => void) => {
    restore();
    fn();
    commit();
  };
  const attributes = { attributes: true };
  observeMutations(host, restore, signal, attributes, 0);
  observeMutations(frame, restore, signal, attributes, 0);
  observeMutations(document.documentElement, restore, signal, { childList: true, subtree: true });
  return { change };
}

function attributesOf(el: Element): Map<string, string> {
  return new Map([...el.attributes].map((a) => [a.name, a.value]));
}
