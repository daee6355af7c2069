// A large but realistic Taiwa store, as a backup file: 100 people × 5 years of weekly 1on1s
// (~26,000 meetings, ~52,000 notes, ~104,000 action items), Japanese and English text.
// Deterministic: the same seed gives the same data.

const DAY = 86_400_000;
const WORDS_JA = [
  'キャリア',
  '相談',
  '来期',
  '目標',
  'プロジェクト',
  '評価',
  '体調',
  '睡眠',
  '採用',
  '設計',
  'レビュー',
  'リリース',
  '顧客',
  '品質',
  'チーム',
  '学習',
  '研修',
  '昇格',
  '育児',
  '在宅勤務',
];
const WORDS_EN = [
  'career',
  'growth',
  'roadmap',
  'launch',
  'hiring',
  'feedback',
  'workload',
  'migration',
  'mentoring',
  'promotion',
  'conference',
  'burnout',
  'design',
  'review',
  'quarter',
  'budget',
];
/** @type {((w: string[]) => string)[]} */
const SENTENCES_JA = [
  (w) => `${w[0]}について${w[1]}したいとのこと。`,
  (w) => `最近は${w[0]}の${w[1]}で忙しそう。`,
  (w) => `${w[0]}と${w[1]}の両立が課題。来月また話す。`,
];
/** @type {((w: string[]) => string)[]} */
const SENTENCES_EN = [
  (w) => `Wants to talk about ${w[0]} and ${w[1]} next time.`,
  (w) => `The ${w[0]} is going well; ${w[1]} needs attention.`,
  (w) => `Agreed to revisit ${w[0]} after the ${w[1]}.`,
];

/** @param {number} seed */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Queries the benchmarks search for: one word and two words, Japanese and English, all in the set. */
export const SEARCH_QUERIES = [
  'キャリア',
  'migration',
  '相談',
  'roadmap feedback',
  '睡眠',
  'promotion',
  '設計 レビュー',
];

/**
 * `ahead` adds that many weeks of planned 1on1s after `now` (with an agenda, nothing else yet).
 * @param {{ people?: number, weeks?: number, seed?: number, now?: number, ahead?: number }} [options]
 */
export function generateBackup({
  people = 100,
  weeks = 260,
  seed = 42,
  now = Date.UTC(2026, 10, 22),
  ahead = 0,
} = {}) {
  const rand = prng(seed);
  /** @type {<T>(list: T[]) => T} */
  const pick = (list) => /** @type {any} */ (list[Math.floor(rand() * list.length)]);
  const text = (sentences = 3) =>
    Array.from({ length: sentences }, () =>
      rand() < 0.6
        ? pick(SENTENCES_JA)([pick(WORDS_JA), pick(WORDS_JA)])
        : pick(SENTENCES_EN)([pick(WORDS_EN), pick(WORDS_EN)]),
    ).join(' ');
  let counter = 0;
  const id = () =>
    `${(++counter).toString(16).padStart(8, '0')}-bench-${Math.floor(rand() * 1e9).toString(36)}`;
  /** @param {number} at */
  const meta = (at) => ({ createdAt: at, updatedAt: at, deleted: 0 });
  /** @type {{ people: object[], meetings: object[], notes: object[], actions: object[], goals: object[], templates: object[], seriesOverrides: object[] }} */
  const data = {
    people: [],
    meetings: [],
    notes: [],
    actions: [],
    goals: [],
    templates: [],
    seriesOverrides: [],
  };
  const start = now - weeks * 7 * DAY;
  for (let p = 0; p < people; p++) {
    const personId = id();
    const person = {
      id: personId,
      email: `member${p}@example.com`,
      name: rand() < 0.5 ? `メンバー ${p}` : `Member ${p}`,
      nameEditedByUser: false,
      relationship: pick(['report', 'report', 'report', 'skip-level', 'peer', 'mentee']),
      cadence: pick(['weekly', 'weekly', 'biweekly', 'monthly']),
      profile: { career: text(2), values: text(1), strengths: text(1) },
      archived: false,
      override: 'auto',
    };
    data.people.push({ ...person, ...meta(start) });
    for (let g = 0; g < 3; g++) {
      const goal = {
        id: id(),
        personId,
        text: text(1),
        status: pick(['active', 'achieved']),
        progress: Math.floor(rand() * 100),
        targetDate: now + 90 * DAY,
        reviewedAt: null,
      };
      data.goals.push({ ...goal, ...meta(start) });
    }
    for (let w = 0; w < weeks + ahead; w++) {
      const at = start + w * 7 * DAY + p * 3_600_000;
      const held = at < now;
      const meetingId = id();
      const agenda = Array.from({ length: 3 }, (_, i) => ({
        id: id(),
        text: text(1),
        author: i === 0 ? 'me' : 'them',
        category: pick(['work', 'growth', 'career', 'condition', 'relationships', 'other']),
        response: pick([null, 'advice', 'think-together', 'listen']),
        done: held && rand() < 0.9,
        order: i,
        originId: null,
        createdAt: at,
      }));
      const meeting = {
        id: meetingId,
        personId,
        title: rand() < 0.5 ? `1on1 ${person.name}` : `${person.name} 1対1`,
        eventId: `ev${meetingId}`,
        seriesId: `series${personId}`,
        meetCode: null,
        plannedStart: at,
        plannedEnd: at + 30 * 60_000,
        status: held ? (rand() < 0.92 ? 'held' : 'cancelled') : 'planned',
        heldAt: held ? at : null,
        agenda,
        condition: held ? 1 + Math.floor(rand() * 5) : null,
        rating: held ? 1 + Math.floor(rand() * 5) : null,
        talkSelfMs: held ? Math.floor(rand() * 600_000) : null,
        talkOthersMs: held ? Math.floor(rand() * 1_200_000) : null,
      };
      data.meetings.push({ ...meeting, ...meta(at) });
      if (!held) continue;
      for (const kind of ['shared', 'private']) {
        const note = { id: id(), meetingId, personId, kind, text: text(kind === 'shared' ? 6 : 3) };
        data.notes.push({ ...note, ...meta(at) });
      }
      for (let a = 0; a < 4; a++) {
        const done = held && w < weeks - 2 && rand() < 0.97;
        const action = {
          id: id(),
          personId,
          meetingId,
          owner: pick(['me', 'them']),
          text: text(1),
          due: at + 7 * DAY,
          done,
          doneAt: done ? at + 5 * DAY : null,
        };
        data.actions.push({ ...action, ...meta(at) });
      }
    }
  }
  return { format: 'taiwa-backup', version: 1, exportedAt: now, data };
}
