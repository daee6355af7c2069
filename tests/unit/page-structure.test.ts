import { describe, expect, it } from 'vitest';
import { pageStructure } from '@/utils/dom/page-structure';
import { calendarStructure } from '@/utils/google/calendar/health';
import { loadFixture, shownUnlessDisplayNone as shown } from './helpers/fixtures';
import { openEvent, openHandBuilt, type FixtureEvent } from './helpers/calendar';
import { loadMeet } from './helpers/meet';

const ICON_FONT = 'i.google-symbols, i.google-material-icons';
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
/** Every made-up person of the fixtures. */
const PEOPLE = [
  'Aiko',
  'Tanaka',
  'Ben Suzuki',
  'Suzuki',
  'Chris Ito',
  'Dana Mori',
  '山田',
  '太郎',
  'Mallory',
];

/**
 * What must not survive: every text a person could have written or that names someone (icon
 * ligatures such as "call_end" are the same for everyone and are kept), every address, name,
 * and any URL path.
 */
function secretsOf(root: Element): string[] {
  const texts: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, template') || parent.matches(ICON_FONT)) continue;
    if ([...text].length >= 3) texts.push(text);
  }
  const markup = root.outerHTML;
  return [...texts, ...(markup.match(EMAIL) ?? []), ...PEOPLE.filter((p) => markup.includes(p))];
}

/** The structure without the values it keeps by design (Google's own codes: ids, classes, …). */
const withoutCodes = (structure: string) =>
  structure.replace(/ (id|class|role|jsname|jsslot|jscontroller)="[^"]*"/g, '');

function expectRedacted(root: Element, structure: string) {
  const secrets = secretsOf(root);
  expect(secrets.length).toBeGreaterThan(3);
  for (const secret of secrets) expect(withoutCodes(structure), secret).not.toContain(secret);
  for (const name of PEOPLE) expect(structure, name).not.toContain(name);
  expect(structure).not.toMatch(EMAIL);
  expect(structure).not.toMatch(/meet\.google\.com\/[a-z]{3}-/);
}

describe('the redacted page structure', () => {
  const events: FixtureEvent[] = [
    'aiko',
    'moved',
    'team',
    'yamada',
    'design',
    'hostile',
    'unreadable',
  ];
  for (const japanese of [false, true]) {
    it.each(events)(
      `keeps no text, address or name of the %s card (${japanese ? 'ja' : 'en'})`,
      (event) => {
        const { doc, popover } = openEvent(event, { japanese });
        const structure = calendarStructure(doc, shown);
        expectRedacted(popover, structure);
        // The shape is all there: the hooks a fixture needs.
        for (const hook of [
          'id="xDetDlg"',
          'id="xDetDlgWhen"',
          'id="rAECCd"',
          'role="treeitem"',
          'data-email="',
          'jsname="MsyPn"',
        ]) {
          if (event !== 'unreadable' || !/treeitem|data-email/.test(hook))
            expect(structure).toContain(hook);
        }
      },
    );
  }

  it('keeps no text, address or name of the week grid, the hand-built cards and the edit page', () => {
    for (const doc of [
      loadFixture('calendar/week.html'),
      openHandBuilt('aiko').doc,
      loadFixture('calendar/older-card.html'),
      loadFixture('calendar/edit.html'),
    ]) {
      const body = doc.body;
      // The edit page renders from a template: put it in, as its script does.
      const template = doc.querySelector<HTMLTemplateElement>('template#form');
      if (template) body.querySelector('#app')!.append(template.content.cloneNode(true));
      expectRedacted(body, pageStructure(body));
    }
  });

  it.each([
    '?phase=lobby',
    '?phase=waiting',
    '?phase=ended&lang=ja',
    '',
    '?people=4&chat=1&captions=1',
    '?lang=ja&people=4',
    '?ui=old',
    '?ui=noid',
  ])('keeps no text, address or name of the Meet page (%s)', (query) => {
    const { doc, fx } = loadMeet(query);
    if (query.includes('chat')) {
      fx.chat('Aiko, could you share the Q3 numbers? https://docs.example.com/d/secret');
      fx.caption('Aiko Tanaka', 'I will send them after the call.');
    }
    const structure = pageStructure(doc.body);
    expectRedacted(doc.body, structure);
    expect(structure).not.toContain('docs.example.com/d');
  });

  it('keeps the icon ligatures and the enumerated values, and says how much it left out', () => {
    const { doc } = loadMeet();
    const structure = pageStructure(doc.body);
    expect(structure).toContain('call_end');
    expect(structure).toContain('data-participant-id="xxxx"');
    expect(structure).toMatch(/class="[^"]*gjg47c/);
    const short = pageStructure(doc.body, { maxElements: 10 });
    expect(
      short.split('\n').filter((l) => l.trim().startsWith('<') && !l.includes('</')).length,
    ).toBeLessThanOrEqual(11);
    expect(short).toMatch(/<!-- \d+ more elements left out -->/);
  });

  it('leaves Taiwa’s own hosts out', () => {
    const { doc } = openEvent('aiko');
    const host = doc.createElement('div');
    host.dataset.taiwa = 'prep-panel';
    host.append(doc.createElement('iframe'), 'private');
    doc.querySelector('[jsslot]')!.append(host);
    expect(calendarStructure(doc, shown)).not.toContain('data-taiwa');
  });
});

describe('ids and classes', () => {
  it('keeps Google’s short codes and replaces anything that could encode an address', () => {
    const doc = new DOMParser().parseFromString(
      `<div id="xDetDlgAtt" class="pYTkkf-Bz112c-LgbsSe tt-c172 hMdQi"><span id="YWlrby50YW5ha2FAZXhhbXBsZS5jb20" class="aiko.tanaka@example.com 616b6f2e74616e616b61406578616d706c65"></span></div>`,
      'text/html',
    );
    const structure = pageStructure(doc.body);
    expect(structure).toContain('id="xDetDlgAtt" class="pYTkkf-Bz112c-LgbsSe tt-c172 hMdQi"');
    expect(structure).toContain('<span id="x" class="x x">');
  });
});
