import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStateMarker, STATE_ATTRIBUTE } from '@/utils/dom/page-state';

/** A content script context that can be invalidated on demand. */
function fakeContext() {
  const onInvalidated: (() => void)[] = [];
  const ctx = { onInvalidated: (fn: () => void) => onInvalidated.push(fn) };
  return {
    ctx: ctx as unknown as ContentScriptContext,
    invalidate: () => onInvalidated.forEach((fn) => fn()),
  };
}

const root = document.documentElement;

/** The attribute writes on the root made by `change`. */
async function writesOf(change: () => void): Promise<number> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(root, { attributes: true, attributeFilter: [STATE_ATTRIBUTE] });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return records.length;
}

describe('the decision marked on the page (the test contract)', () => {
  afterEach(() => root.removeAttribute(STATE_ATTRIBUTE));

  it('writes each decision on the root, and nothing when it is the same as the page holds', async () => {
    const decided = createStateMarker<'shown' | 'none'>(fakeContext().ctx);
    expect(await writesOf(() => decided('shown'))).toBe(1);
    expect(root.getAttribute(STATE_ATTRIBUTE)).toBe('shown');
    expect(await writesOf(() => decided('shown'))).toBe(0);
    decided('none');
    expect(root.getAttribute(STATE_ATTRIBUTE)).toBe('none');
  });

  it('writes the same decision again after a test cleared it, and clears it for "nothing yet"', () => {
    const decided = createStateMarker<'none'>(fakeContext().ctx);
    decided('none');
    root.removeAttribute(STATE_ATTRIBUTE);
    decided('none');
    expect(root.getAttribute(STATE_ATTRIBUTE)).toBe('none');
    decided(null);
    expect(root.hasAttribute(STATE_ATTRIBUTE)).toBe(false);
  });

  it('leaves with the content script', () => {
    const { ctx, invalidate } = fakeContext();
    createStateMarker<'lobby'>(ctx)('lobby');
    invalidate();
    expect(root.hasAttribute(STATE_ATTRIBUTE)).toBe(false);
  });
});
