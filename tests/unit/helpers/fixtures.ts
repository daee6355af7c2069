import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Parses a fixture page from tests/fixtures (scripts do not run). */
export function loadFixture(path: string): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures', path), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** happy-dom has no layout: an element counts as shown unless an ancestor is display:none. */
export const shownUnlessDisplayNone = (el: Element) => !el.closest('[style*="display: none"]');
