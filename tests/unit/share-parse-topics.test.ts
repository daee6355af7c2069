import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '@/utils/model/entities';
import { buildAgenda, buildRecap } from '@/utils/share/message';
import { PASTE_LIMITS, parseTopics } from '@/utils/share/parse-topics';
import type { ShareView } from '@/utils/share/share-view';

const texts = (input: string) => parseTopics(input).topics.map((t) => t.text);

describe('reading pasted topics', () => {
  it.each([
    ['hyphens', '- Budget\n- Hiring\n- Offsite'],
    ['asterisks', '* Budget\n* Hiring\n* Offsite'],
    ['plus signs', '+ Budget\n+ Hiring\n+ Offsite'],
    ['bullets', '• Budget\n• Hiring\n• Offsite'],
    ['Japanese bullets', '・Budget\n・Hiring\n・Offsite'],
    ['numbers', '1. Budget\n2. Hiring\n3. Offsite'],
    ['numbers with parentheses', '1) Budget\n2) Hiring\n(3) Offsite'],
    ['full-width numbers', '１．Budget\n２．Hiring\n３）Offsite'],
    ['circled numbers', '①Budget\n②Hiring\n③Offsite'],
    ['Japanese enumeration', '1、Budget\n2、Hiring\n3、Offsite'],
    ['plain lines', 'Budget\n\nHiring\r\nOffsite'],
    ['a Markdown task list', '- [ ] Budget\n- [x] Hiring\n- [ ] Offsite'],
    ['a quoted reply', '> - Budget\n> - Hiring\n> - Offsite'],
  ])('%s', (_, input) => {
    expect(texts(input)).toEqual(['Budget', 'Hiring', 'Offsite']);
  });

  it('takes the list items and leaves the greeting, the heading and the sign-off', () => {
    const slack = 'Hi! For tomorrow:\n\n• Budget\n• Hiring plan\n   for Q3\n\nThanks 🙏';
    expect(texts(slack)).toEqual(['Budget', 'Hiring plan for Q3']);
    expect(texts('Topics:\nBudget\nHiring\n## Later\nOffsite')).toEqual([
      'Budget',
      'Hiring',
      'Offsite',
    ]);
  });

  it('keeps text that only looks like a list mark', () => {
    expect(texts('-5% churn\n*bold* idea\n10.5 release\n3:30 sync')).toEqual([
      '-5% churn',
      '*bold* idea',
      '10.5 release',
      '3:30 sync',
    ]);
  });

  it('reads Japanese lists and the response wanted, in either language', () => {
    const result = parseTopics(
      [
        '明日の 1on1 で話したいこと：',
        '・キャリアの相談（アドバイス）',
        '・チーム異動の件 (聞いてほしい)',
        '・新人教育のやり方【希望：一緒に考えて】',
        '・Release plan (wanted: just listen)',
        '・[advice] Conference talk',
        '・Q3 goals (draft)',
      ].join('\n'),
    );
    expect(result.topics).toEqual([
      { text: 'キャリアの相談', response: 'advice' },
      { text: 'チーム異動の件', response: 'listen' },
      { text: '新人教育のやり方', response: 'think-together' },
      { text: 'Release plan', response: 'listen' },
      { text: 'Conference talk', response: 'advice' },
      { text: 'Q3 goals (draft)', response: null },
    ]);
  });

  it('drops the dash left before a response, and lines of marks alone', () => {
    expect(parseTopics('- Release plan — (advice)\n- C-\n- …\n- —').topics).toEqual([
      { text: 'Release plan', response: 'advice' },
      { text: 'C-', response: null },
    ]);
  });

  it('reads mixed languages and mixed list forms in one paste', () => {
    expect(
      texts('1. 評価面談の準備\n2) Pairing with Ben\n・English lessons\n• 有給の相談'),
    ).toEqual(['評価面談の準備', 'Pairing with Ben', 'English lessons', '有給の相談']);
  });

  it('takes a topic once, even when written twice', () => {
    expect(texts('- Budget\n- budget\n- ＢＵＤＧＥＴ\n- Hiring')).toEqual(['Budget', 'Hiring']);
  });

  it('says why nothing was found', () => {
    expect(parseTopics('').nothing).toBe('blank');
    expect(parseTopics(' \n\t\n　').nothing).toBe('blank');
    expect(parseTopics('Topics:\n## Agenda').nothing).toBe('no-topic');
    expect(parseTopics('- ').nothing).toBe('no-topic');
    expect(parseTopics('- Budget').nothing).toBeNull();
  });
});

const SENDER_VIEW: ShareView = {
  person: {
    id: 'p1',
    name: 'Ben',
    email: 'ben@example.com',
    relationship: 'my-manager',
    language: null,
    shareVia: null,
  },
  meeting: {
    id: 'm1',
    title: '1on1',
    plannedStart: new Date(2026, 10, 24, 10).getTime(),
    heldAt: null,
    status: 'planned',
    agendaSentAt: null,
    recapSentAt: null,
  },
  agenda: [
    ['a', 'キャリアの相談', 'advice', 'me'],
    ['b', 'Promotion criteria (2027)', 'think-together', 'me'],
    ['c', '評価の進め方', null, 'me'],
    ['d', 'Reorg news', 'listen', 'them'],
  ].map(([id, text, response, author], order): AgendaItem => ({
    id: id!,
    text: text!,
    response: response as AgendaItem['response'],
    author: author as AgendaItem['author'],
    category: 'work',
    done: false,
    order,
    originId: null,
    createdAt: 0,
  })),
  openActions: [],
  actions: [],
  sharedNotes: '',
  goals: [],
  nextPlanned: null,
};

describe('a Taiwa message pasted back', () => {
  it.each(['en', 'ja'] as const)(
    'gives back its sender’s topics with their responses, not the reader’s own (%s)',
    (lang) => {
      const { text } = buildAgenda(SENDER_VIEW, lang, Date.now());
      const result = parseTopics(`Hi Ben, here is mine for tomorrow.\n\n${text}\nThanks!`);
      expect(result.topics).toEqual([
        { text: 'キャリアの相談', response: 'advice' },
        { text: 'Promotion criteria (2027)', response: 'think-together' },
        { text: '評価の進め方', response: null },
      ]);
      expect(result.nothing).toBeNull();
    },
  );

  it('finds no topic of theirs in a recap, or in an agenda holding only the reader’s', () => {
    const recap = buildRecap({ ...SENDER_VIEW, sharedNotes: 'We agreed.' }, 'en', Date.now());
    expect(parseTopics(recap.text)).toMatchObject({ topics: [], nothing: 'no-topic-of-theirs' });
    const onlyYours = buildAgenda(
      { ...SENDER_VIEW, agenda: SENDER_VIEW.agenda.filter((i) => i.author === 'them') },
      'ja',
      Date.now(),
    );
    expect(parseTopics(onlyYours.text).nothing).toBe('no-topic-of-theirs');
  });
});

describe('hostile input', () => {
  it('keeps HTML as the text it is', () => {
    const result = parseTopics('- <img src=x onerror=alert(1)>\n- <script>alert(1)</script> plan');
    expect(result.topics.map((t) => t.text)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script> plan',
    ]);
  });

  it('reads 100 KB of text quickly and takes at most the limit', () => {
    const line = 'x'.repeat(99) + '\n';
    const big = Array.from({ length: 1_000 }, (_, i) => `- ${i} ${line}`).join('');
    expect(big.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const result = parseTopics(big);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.topics).toHaveLength(PASTE_LIMITS.topics);
    expect(result.truncated).toBe(true);
  });

  it('cuts one enormous line, and reads only the start of an enormous paste', () => {
    const one = parseTopics('y'.repeat(100_000));
    expect(one.topics).toHaveLength(1);
    expect(one.topics[0]!.text).toHaveLength(PASTE_LIMITS.topicChars);
    expect(one.topics[0]!.text.endsWith('…')).toBe(true);
    const huge = parseTopics(`- first\n${'('.repeat(300_000)}`);
    expect(huge.truncated).toBe(true);
    expect(huge.topics[0]).toEqual({ text: 'first', response: null });
  });

  it('does not stall on text built to make patterns backtrack', () => {
    const started = performance.now();
    parseTopics(`- ${'（'.repeat(50_000)}x${' '.repeat(50_000)}`);
    parseTopics(`${'1'.repeat(50_000)}.\n${'- '.repeat(50_000)}`);
    parseTopics(`- a ${'[ '.repeat(40_000)}`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
