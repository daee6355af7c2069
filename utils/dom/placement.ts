export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where to put a panel of `size` beside `card` without covering it (and so without covering
 * Google's buttons on it): to its right if there is room, else to its left, else docked at the
 * viewport's right edge. The panel never leaves the viewport.
 */
export function placeBeside(
  card: Box,
  viewport: { width: number; height: number },
  size: { width: number; maxHeight: number },
  gap = 8,
): Box {
  const width = Math.min(size.width, viewport.width - 2 * gap);
  const height = Math.min(size.maxHeight, viewport.height - 2 * gap);
  const rightSide = card.left + card.width + gap;
  const leftSide = card.left - gap - width;
  let left: number;
  if (rightSide + width + gap <= viewport.width) left = rightSide;
  else if (leftSide >= gap) left = leftSide;
  else left = viewport.width - gap - width;
  const top = clamp(card.top, gap, viewport.height - gap - height);
  return { left: Math.round(left), top: Math.round(top), width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** A panel with no card to sit beside (the edit page): docked at the viewport's right edge. */
export function placeDocked(
  viewport: { width: number; height: number },
  size: { width: number; maxHeight: number },
  gap = 16,
  top = 72,
): Box {
  const width = Math.min(size.width, viewport.width - 2 * gap);
  const height = Math.min(size.maxHeight, viewport.height - top - gap);
  return { left: viewport.width - gap - width, top, width, height: Math.max(0, height) };
}
