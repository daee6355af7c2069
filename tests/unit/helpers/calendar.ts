import { openCard, rerenderContent } from '../../fixtures/calendar/popover.mjs';
import { loadFixture } from './fixtures';

/** The real-markup popover's events (tests/fixtures/calendar/popover.mjs). */
export type FixtureEvent =
  'aiko' | 'moved' | 'team' | 'yamada' | 'design' | 'hostile' | 'unreadable' | 'task';

/**
 * The week fixture with its reused popover opened on `event`, built by the same module the
 * fixture page runs (scripts do not run in a parsed fixture). `settle` lets a test hold back the
 * children of a reused card, as Google does for a moment.
 */
export function openEvent(
  event: FixtureEvent,
  options: { doc?: Document; japanese?: boolean; settle?: (fill: () => void) => void } = {},
): { doc: Document; popover: HTMLElement } {
  const doc = options.doc ?? loadFixture('calendar/week.html');
  const popover = doc.querySelector<HTMLElement>('[jsname="ssXDle"][data-chips-dialog]')!;
  openCard(popover, event, { lang: options.japanese ? 'ja' : 'en', settle: options.settle });
  popover.style.display = 'block';
  return { doc, popover };
}

/** Google's re-render of the open card's content list (foreign children dropped). */
export function rerender(popover: HTMLElement, event: FixtureEvent, japanese = false): void {
  rerenderContent(popover, event, japanese ? 'ja' : 'en');
}

/** The Japanese UI's texts, as the hand-built page's own script applies them for ?hl=ja. */
const JA: Record<string, string> = {
  close: '閉じる',
  'when-aiko': '11月 24日 (火曜日)⋅午前10:00～10:30',
  'when-team': '11月 25日 (水曜日)⋅午前11:00～午後0:00',
  'when-yamada': '11月 26日 (木曜日)⋅午後3:00～3:30',
  'when-design': '11月 26日 (木曜日)⋅午後2:00～2:30',
  weekly: '毎週 火曜日',
  guests: 'ゲスト',
};

/** The hand-built week (an older card shape, not evidence) with its popover opened on `event`. */
export function openHandBuilt(
  event: string,
  options: { doc?: Document; japanese?: boolean } = {},
): { doc: Document; popover: HTMLElement } {
  const doc = options.doc ?? loadFixture('calendar/week-hand-built.html');
  const popover = doc.getElementById('popover')!;
  const template = doc.querySelector<HTMLTemplateElement>(`template[data-event="${event}"]`)!;
  const content = template.content.cloneNode(true) as DocumentFragment;
  if (options.japanese) {
    for (const el of content.querySelectorAll<HTMLElement>('[data-l10n]')) {
      el.textContent = JA[el.dataset.l10n!] ?? el.textContent;
    }
  }
  popover.querySelector('[jsslot]')!.replaceChildren(content);
  popover.style.display = 'block';
  return { doc, popover };
}
