import { describe, expect, it } from 'vitest';
import { CARD_OBSERVER_OPTIONS, mayConcernCard } from '@/utils/google/calendar/card-mutations';
import { openEvent } from './helpers/calendar';
import { loadFixture } from './helpers/fixtures';

/** The records a MutationObserver on the body reports for `change`. */
async function recordsOf(doc: Document, change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(doc.body, CARD_OBSERVER_OPTIONS);
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return records;
}

describe('mayConcernCard', () => {
  it('notices a card opening, being reused, re-rendered, moved and closed', async () => {
    const doc = loadFixture('calendar/week.html');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.adoptNode(n)));
    const open = await recordsOf(document, () => openEvent('aiko', { doc: document }));
    expect(mayConcernCard(open, null)).toBe(true);
    const dialog = document.querySelector<HTMLElement>('[jsname="ssXDle"]')!;
    const reused = await recordsOf(document, () => openEvent('yamada', { doc: document }));
    expect(mayConcernCard(reused, dialog)).toBe(true);
    const moved = await recordsOf(document, () => (dialog.style.top = '40px'));
    expect(mayConcernCard(moved, dialog)).toBe(true);
    const closed = await recordsOf(document, () => (dialog.style.display = 'none'));
    expect(mayConcernCard(closed, null)).toBe(true);
    const removed = await recordsOf(document, () => dialog.remove());
    expect(mayConcernCard(removed, null)).toBe(true);
  });

  it('skips a grid re-render and class changes elsewhere', async () => {
    const doc = loadFixture('calendar/week.html');
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.adoptNode(n)));
    openEvent('aiko', { doc: document });
    const dialog = document.querySelector<HTMLElement>('[jsname="ssXDle"]')!;
    const grid = document.querySelector('.grid')!;
    const rerender = await recordsOf(document, () => {
      const cells = Array.from({ length: 5 }, () => {
        const cell = document.createElement('div');
        cell.innerText = 'chips';
        return cell;
      });
      grid.replaceChildren(...cells);
      grid.classList.add('busy');
    });
    expect(rerender.length).toBeGreaterThan(0);
    expect(mayConcernCard(rerender, dialog)).toBe(false);
  });
});
