import { describe, expect, it } from 'vitest';
import type { ActionItem, AgendaItem, Goal } from '@/utils/model/entities';
import { buildAgenda, buildRecap, escapeHtml } from '@/utils/share/message';
import type { ShareView } from '@/utils/share/share-view';

const meta = {
  createdAt: 0,
  updatedAt: 0,
  hlc: '',
  fieldHlc: {},
  deviceId: 'd',
  dirty: 0 as const,
  version: 1,
  rev: null,
  deleted: 0 as const,
};
// Tue 24 Nov 2026, 10:00 local time; "now" the day before.
const MEETING = new Date(2026, 10, 24, 10, 0).getTime();
const NOW = new Date(2026, 10, 23, 9, 0).getTime();

const topic = (id: string, text: string, patch: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  text,
  author: 'them',
  category: 'work',
  response: null,
  done: false,
  order: 0,
  originId: null,
  createdAt: 0,
  ...patch,
});

const action = (id: string, text: string, patch: Partial<ActionItem> = {}): ActionItem => ({
  ...meta,
  id,
  personId: 'p1',
  meetingId: 'm0',
  owner: 'them',
  text,
  due: null,
  done: false,
  doneAt: null,
  ...patch,
});

const goal = (text: string, patch: Partial<Goal> = {}): Goal => ({
  ...meta,
  id: 'g1',
  personId: 'p1',
  text,
  status: 'active',
  progress: 40,
  targetDate: null,
  reviewedAt: null,
  reviews: [],
  ...patch,
});

function view(patch: Partial<ShareView> = {}): ShareView {
  return {
    person: {
      id: 'p1',
      name: 'Aiko Tanaka',
      email: 'aiko@example.com',
      relationship: 'report',
      language: null,
      shareVia: null,
    },
    meeting: {
      id: 'm1',
      title: '1on1',
      plannedStart: MEETING,
      heldAt: null,
      status: 'planned',
      agendaSentAt: null,
      recapSentAt: null,
    },
    agenda: [
      topic('t1', 'Conference talk proposal', { response: 'advice' }),
      topic('t2', 'Team move', { response: 'listen' }),
      topic('t3', 'Feedback on the design review', { author: 'me' }),
    ],
    openActions: [action('a1', 'Draft the talk outline', { due: new Date(2026, 11, 1).getTime() })],
    actions: [action('a2', 'Send the list of meetups', { owner: 'me', meetingId: 'm1' })],
    sharedNotes: 'Agreed to pair on the release.\nFridays stay free.',
    goals: [goal('Give a conference talk')],
    nextPlanned: { at: new Date(2026, 11, 1, 10, 0).getTime() },
    ...patch,
  };
}

describe('the agenda message', () => {
  it('holds the topics (the member’s first, with the response wanted), open items and goals, in English', () => {
    const message = buildAgenda(view(), 'en', NOW);
    expect(message.subject).toBe('1on1 agenda: Tue, Nov 24, 10:00 AM');
    expect(message.text).toBe(
      [
        'Agenda for our 1on1 on Tue, Nov 24, 10:00 AM',
        '',
        'Your topics',
        '1. Conference talk proposal (wanted: advice)',
        '2. Team move (wanted: just listen)',
        '',
        'My topics',
        '1. Feedback on the design review',
        '',
        'Open action items',
        '- Draft the talk outline (owner: Aiko Tanaka, due Tue, Dec 1)',
        '- Send the list of meetups (owner: me)',
        '',
        'Goals to re-check',
        '- Give a conference talk (40%)',
        '',
      ].join('\n'),
    );
    expect(message.html).toContain(
      '<ol><li>Conference talk proposal (wanted: advice)</li><li>Team move (wanted: just listen)</li></ol>',
    );
    expect(message.html).toContain('<p><b>Open action items</b></p>');
  });

  it('is written in Japanese when asked', () => {
    const message = buildAgenda(view(), 'ja', NOW);
    expect(message.subject).toBe('1on1 のアジェンダ（11月24日(火) 10:00）');
    expect(message.text).toContain(
      'あなたが話したいこと\n1. Conference talk proposal（希望：アドバイス）',
    );
    expect(message.text).toContain('2. Team move（希望：聞いてほしい）');
    expect(message.text).toContain('私が話したいこと\n1. Feedback on the design review');
    expect(message.text).toContain(
      '- Draft the talk outline（担当：Aiko Tanaka、期限：12月1日(火)）',
    );
    expect(message.text).toContain('- Send the list of meetups（担当：私）');
    expect(message.text).toContain('振り返る目標\n- Give a conference talk（進捗 40%）');
  });

  it('never holds a private note, whatever the view carries', () => {
    // A view object with private text smuggled in (the real one has no such field).
    const smuggled = {
      ...view(),
      private: { text: 'PRIVATE burnout worries' },
      privateMemo: 'PRIVATE memo',
    } as ShareView;
    for (const lang of ['en', 'ja'] as const) {
      for (const build of [buildAgenda, buildRecap]) {
        const { text, html, subject } = build(smuggled, lang, NOW);
        expect(`${subject}${text}${html}`).not.toContain('PRIVATE');
      }
    }
  });

  it('escapes HTML in every piece of user text, and keeps it as typed in the plain text', () => {
    const hostile = '<img src=x onerror="alert(1)"> & <b>bold</b>';
    const message = buildAgenda(
      view({
        person: { ...view().person, name: '<script>alert(1)</script>' },
        agenda: [topic('t1', hostile)],
        goals: [goal(hostile)],
      }),
      'en',
      NOW,
    );
    expect(message.text).toContain(`1. ${hostile}`);
    expect(message.html).not.toMatch(/<(img|script|b>bold)/);
    expect(message.html).toContain(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;b&gt;',
    );
    expect(message.html).toContain('owner: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });

  it('keeps every item of long lists, in order', () => {
    const agenda = Array.from({ length: 500 }, (_, i) => topic(`t${i}`, `Topic ${i + 1}`));
    const message = buildAgenda(view({ agenda }), 'en', NOW);
    const lines = message.text.split('\n').filter((l) => /^\d+\. Topic/.test(l));
    expect(lines).toHaveLength(500);
    expect(lines[0]).toBe('1. Topic 1');
    expect(lines[499]).toBe('500. Topic 500');
    expect(message.html.match(/<li>/g)).toHaveLength(500 + 2 + 1);
  });

  it('leaves out empty sections, done or blank topics, and says when nothing is on it', () => {
    const sparse = buildAgenda(
      view({
        agenda: [
          topic('t1', 'Only topic'),
          topic('t2', 'Done one', { done: true }),
          topic('t3', '  '),
        ],
        openActions: [],
        actions: [action('a1', 'Done already', { done: true })],
        goals: [],
      }),
      'en',
      NOW,
    );
    expect(sparse.text).not.toMatch(/My topics|Open action items|Goals to re-check|Done/);
    const empty = buildAgenda(
      view({ agenda: [], openActions: [], actions: [], goals: [] }),
      'ja',
      NOW,
    );
    expect(empty.text).toBe(
      '11月24日(火) 10:00 の 1on1 のアジェンダ\n\nアジェンダはまだありません。\n',
    );
    expect(empty.html).not.toContain('<ul>');
  });

  it('puts the user’s topics first when the user is the member (to my manager)', () => {
    const agenda = [topic('t3', 'My growth plan', { author: 'me', response: 'think-together' })];
    const message = buildAgenda(view({ agenda: [...agenda, topic('t1', 'Org news')] }), 'en', NOW);
    expect(message.text.indexOf('My topics')).toBeLessThan(message.text.indexOf('Your topics'));
    expect(message.text).toContain('1. My growth plan (wanted: think together)');
  });

  it('keeps a topic typed with line breaks on one line', () => {
    const message = buildAgenda(view({ agenda: [topic('t1', 'first\n- second')] }), 'en', NOW);
    expect(message.text).toContain('1. first - second\n');
  });
});

describe('the recap message', () => {
  it('holds the shared notes, the action items with owner and due date, and the next 1on1', () => {
    const held = view({
      meeting: { ...view().meeting, heldAt: MEETING, status: 'held' },
      actions: [
        action('a2', 'Send the list of meetups', {
          owner: 'me',
          due: new Date(2026, 10, 27).getTime(),
        }),
        action('a3', 'Book the room', { owner: 'them', done: true }),
      ],
    });
    const en = buildRecap(held, 'en', NOW);
    expect(en.subject).toBe('1on1 recap: Tue, Nov 24');
    expect(en.text).toBe(
      [
        'Recap of our 1on1 on Tue, Nov 24',
        '',
        'What we agreed',
        'Agreed to pair on the release.',
        'Fridays stay free.',
        '',
        'Action items',
        '- Send the list of meetups (owner: me, due Fri, Nov 27)',
        '- Book the room (owner: Aiko Tanaka, done)',
        '',
        'Still open from before',
        '- Draft the talk outline (owner: Aiko Tanaka, due Tue, Dec 1)',
        '',
        'Next 1on1: Tue, Dec 1, 10:00 AM',
        '',
      ].join('\n'),
    );
    expect(en.html).toContain('<p>Agreed to pair on the release.<br>Fridays stay free.</p>');
    const ja = buildRecap(held, 'ja', NOW);
    expect(ja.text).toContain('合意したこと\nAgreed to pair');
    expect(ja.text).toContain('- Send the list of meetups（担当：私、期限：11月27日(金)）');
    expect(ja.text).toContain('- Book the room（担当：Aiko Tanaka、完了）');
    expect(ja.text).toContain('次回の 1on1：12月1日(火) 10:00');
  });

  it('leaves out what is empty, and gives the year of a date in another year', () => {
    const bare = buildRecap(
      view({ sharedNotes: '  \n ', actions: [], openActions: [], nextPlanned: null }),
      'en',
      new Date(2027, 0, 5).getTime(),
    );
    expect(bare.text).toBe(
      'Recap of our 1on1 on Tue, Nov 24, 2026\n\nNothing was recorded for this 1on1.\n',
    );
  });

  it('escapes the shared notes in HTML', () => {
    const recap = buildRecap(
      view({ sharedNotes: '<a href="javascript:x">x</a>\n\n\n\nnext' }),
      'en',
      NOW,
    );
    expect(recap.html).toContain(
      '<p>&lt;a href=&quot;javascript:x&quot;&gt;x&lt;/a&gt;<br><br>next</p>',
    );
    expect(recap.text).toContain('<a href="javascript:x">x</a>\n\nnext');
  });
});
