import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardHost } from '@/utils/dom/guard-host';

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

function mountHost() {
  const host = document.createElement('div');
  host.dataset.taiwa = 'prep-panel';
  host.style.cssText = 'position: fixed; left: 10px;';
  const frame = document.createElement('iframe');
  frame.src = 'about:blank#taiwa-prep-panel';
  host.append(frame);
  document.body.append(host);
  return { host, frame };
}

describe('guardHost', () => {
  // One per test, stopped before the page is cleared: a guard left running would re-attach its
  // host from a timer after the test environment is gone ("document is not defined").
  let controller: AbortController;
  beforeEach(() => (controller = new AbortController()));
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });

  it('restores attributes a page script changes or removes', async () => {
    const { host, frame } = mountHost();
    guardHost(host, frame, () => document.body.append(host), controller.signal);
    host.style.display = 'none';
    host.removeAttribute('data-taiwa');
    host.setAttribute('data-injected', 'x');
    frame.src = 'about:blank#not-taiwa';
    await settle();
    expect(host.dataset.taiwa).toBe('prep-panel');
    expect(host.style.display).toBe('');
    expect(host.hasAttribute('data-injected')).toBe(false);
    expect(frame.getAttribute('src')).toBe('about:blank#taiwa-prep-panel');
  });

  it('re-attaches a host the page removes, and keeps changes Taiwa makes', async () => {
    const { host, frame } = mountHost();
    const guard = guardHost(host, frame, () => document.body.append(host), controller.signal);
    guard.change(() => (host.style.left = '99px'));
    document.body.replaceChildren();
    await settle();
    expect(host.isConnected).toBe(true);
    expect(host.style.left).toBe('99px');
  });

  it('never adopts what the page changed along with a change of its own', () => {
    const { host, frame } = mountHost();
    const guard = guardHost(host, frame, () => document.body.append(host), controller.signal);
    // The page tampers, and Taiwa moves the host before the guard's observer has run.
    host.style.display = 'none';
    frame.src = 'about:blank#phish';
    guard.change(() => (host.style.top = '5px'));
    expect(host.style.display).toBe('');
    expect(host.style.top).toBe('5px');
    expect(frame.getAttribute('src')).toBe('about:blank#taiwa-prep-panel');
  });

  it('stops guarding once aborted', async () => {
    const { host, frame } = mountHost();
    const stop = new AbortController();
    guardHost(host, frame, () => document.body.append(host), stop.signal);
    stop.abort();
    host.remove();
    await settle();
    expect(host.isConnected).toBe(false);
  });
});
