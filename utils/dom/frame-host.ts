import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import type { Box } from './placement';
import { guardHost } from './guard-host';

/** The test-contract names of Taiwa's two hosts (docs/architecture.md § Test contract). */
export type HostName = 'prep-panel' | 'notes-sidebar';

export interface FrameHost {
  readonly element: HTMLElement;
  /** Moves the host to a fixed viewport box; writes nothing when the box is unchanged. */
  place(box: Box): void;
  /**
   * Points the page at another subject (`#<hash>`). Only the fragment changes, so the page is
   * not reloaded: it hears `hashchange` and fetches what it shows from the background.
   */
  navigate(hash: string): void;
  /**
   * Hides or shows the host without unloading its page: a page loaded ahead of time, while the
   * content script confirms it is needed, is out of sight, out of the tab order and unheard.
   */
  setVisible(visible: boolean): void;
  remove(): void;
}

/**
 * Where a mounted frame's page lives once loaded. Chrome loads it through the per-session
 * `use_dynamic_url` address, but the page commits at the extension's fixed origin (checked in
 * Chromium 156): a fragment change must name that one to stay a same-document navigation (no
 * reload, no request), or every switch of event reloads the panel. Firefox has one address.
 */
const committedOrigin = () =>
  import.meta.env.FIREFOX
    ? browser.runtime.getURL('/')
    : `chrome-extension://${browser.runtime.id}/`;

/**
 * Mounts an extension-origin iframe showing `/<name>.html` in a fixed-position host on the page.
 * User data is only ever rendered inside that iframe: the page can neither read it nor see
 * keystrokes typed into it. The host is guarded against Google's scripts and removed when the
 * content script is invalidated (extension update or reload).
 */
export function mountFrameHost(
  ctx: ContentScriptContext,
  name: HostName,
  title: string,
  hash = '',
): FrameHost {
  const controller = new AbortController();
  ctx.onInvalidated(() => controller.abort());
  // Built by hand rather than with WXT's iframe UI helper: that one brings an element-waiting
  // library the content scripts' size budget (≤ 30 KB) has no room for, and is used for nothing here.
  const wrapper = document.createElement('div');
  const iframe = document.createElement('iframe');
  wrapper.dataset.taiwa = name;
  wrapper.style.cssText =
    'position:fixed;z-index:2147483000;margin:0;padding:0;border:0;' +
    'border-radius:12px;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.25);';
  iframe.title = title;
  // The frame writes the clipboard ("Copy page structure", Copy of an agenda or a recap). Named
  // by the origin the page commits at: the default ('src') is the per-session address, which
  // the committed page does not match, and Chrome then refuses the Clipboard API in the frame.
  iframe.allow = `clipboard-write ${committedOrigin().replace(/\/$/, '')}`;
  iframe.style.cssText = 'display:block;width:100%;height:100%;border:0;color-scheme:normal;';
  // The fragment names the subject; the page itself is one of the two declared in the manifest.
  iframe.src = browser.runtime.getURL(
    `/${name}.html${hash ? `#${hash}` : ''}` as `/${HostName}.html`,
  );
  wrapper.append(iframe);
  document.body.append(wrapper);
  const ui = { wrapper, iframe, remove: () => wrapper.remove() };
  ctx.onInvalidated(ui.remove);
  const guard = guardHost(
    ui.wrapper,
    ui.iframe,
    () => document.body.append(ui.wrapper),
    controller.signal,
  );
  let placed = '';
  let shown = hash;
  let visible = true;
  return {
    element: ui.wrapper,
    place(box) {
      const key = `${box.left},${box.top},${box.width},${box.height}`;
      if (key === placed) return;
      placed = key;
      guard.change(() =>
        Object.assign(ui.wrapper.style, {
          left: `${box.left}px`,
          top: `${box.top}px`,
          width: `${box.width}px`,
          height: `${box.height}px`,
        }),
      );
    },
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      guard.change(() => (ui.wrapper.style.visibility = next ? 'visible' : 'hidden'));
    },
    navigate(next) {
      if (next === shown) return;
      shown = next;
      // Built from the extension's own URL, never from the iframe's (a page may have changed it).
      guard.change(() => (ui.iframe.src = `${committedOrigin()}${name}.html#${next}`));
    },
    remove() {
      controller.abort();
      ui.remove();
    },
  };
}
