import { describe, expect, it } from 'vitest';
import { findOpenEventCard } from '@/utils/google/calendar-dom';
import { loadFixture, shownUnlessDisplayNone } from './helpers/fixtures';

/** Opens the fixture's reused popover on `event`, as the fixture page's script does. */
function openEvent(doc: Document, event: string): HTMLElement {
  const popover = doc.getElementById('popover')!;
  const template = doc.querySelector<HTMLTemplateElement>(`template[data-event="${event}"]`)!;
  popover.querySelector('[jsslot]')!.replaceChildren(template.content.cloneNode(true));
  popover.style.display = 'block';
  return popover;
}

describe('findOpenEventCard', () => {
  it('finds nothing while only hidden leftover dialogs exist', () => {
    const doc = loadFixture('calendar/week.html');
    expect(doc.querySelectorAll('#xDetDlg').length).toBeGreaterThan(0);
    expect(findOpenEventCard(doc, shownUnlessDisplayNone)).toBeNull();
  });

  it('finds the open popover, and the same dialog again when it is reused', () => {
    const doc = loadFixture('calendar/week.html');
    const popover = openEvent(doc, 'aiko');
    expect(findOpenEventCard(doc, shownUnlessDisplayNone)).toBe(popover);
    openEvent(doc, 'yamada');
    const card = findOpenEventCard(doc, shownUnlessDisplayNone);
    expect(card).toBe(popover);
    expect(card?.querySelector('#rAECCd')?.textContent).toBe('1対1 山田さん');
  });

  it('ignores a task card, which has no event details block', () => {
    const doc = loadFixture('calendar/week.html');
    openEvent(doc, 'task');
    expect(findOpenEventCard(doc, shownUnlessDisplayNone)).toBeNull();
  });

  it('falls back to a dialog without data-chips-dialog (older popover)', () => {
    const doc = loadFixture('calendar/week.html');
    const popover = openEvent(doc, 'aiko');
    popover.removeAttribute('data-chips-dialog');
    expect(findOpenEventCard(doc, shownUnlessDisplayNone)).toBe(popover);
  });
});
