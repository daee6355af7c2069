import { loadFixture } from './fixtures';

/** The Japanese UI's texts, as the fixture page's own script applies them for ?hl=ja. */
const JA: Record<string, string> = {
  close: '閉じる',
  'when-aiko': '11月 24日 (火曜日)⋅午前10:00～10:30',
  'when-team': '11月 25日 (水曜日)⋅午前11:00～午後0:00',
  'when-yamada': '11月 26日 (木曜日)⋅午後3:00～3:30',
  'when-design': '11月 26日 (木曜日)⋅午後2:00～2:30',
  weekly: '毎週 火曜日',
  guests: 'ゲスト',
};

/** The week fixture with its reused popover opened on `event`, as the page's script does. */
export function openEvent(
  event: string,
  options: { doc?: Document; japanese?: boolean } = {},
): { doc: Document; popover: HTMLElement } {
  const doc = options.doc ?? loadFixture('calendar/week.html');
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
