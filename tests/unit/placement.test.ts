import { describe, expect, it } from 'vitest';
import { placeBeside } from '@/utils/dom/placement';

const viewport = { width: 1280, height: 800 };
const panel = { width: 360, maxHeight: 600 };

function overlaps(a: { left: number; width: number }, b: { left: number; width: number }) {
  return a.left < b.left + b.width && b.left < a.left + a.width;
}

describe('placeBeside', () => {
  it('goes to the right of the card when there is room', () => {
    const card = { left: 300, top: 100, width: 448, height: 400 };
    const box = placeBeside(card, viewport, panel);
    expect(box.left).toBe(756);
    expect(box.top).toBe(100);
    expect(overlaps(box, card)).toBe(false);
  });

  it('goes to the left when the card is near the right edge', () => {
    const card = { left: 800, top: 50, width: 448, height: 400 };
    const box = placeBeside(card, viewport, panel);
    expect(box.left).toBe(800 - 8 - 360);
    expect(overlaps(box, card)).toBe(false);
  });

  it('docks at the right edge and stays inside a small viewport', () => {
    const small = { width: 700, height: 400 };
    const box = placeBeside({ left: 100, top: 300, width: 448, height: 300 }, small, panel);
    expect(box.left + box.width).toBeLessThanOrEqual(small.width);
    expect(box.top).toBeGreaterThanOrEqual(8);
    expect(box.top + box.height).toBeLessThanOrEqual(small.height - 8);
  });
});
