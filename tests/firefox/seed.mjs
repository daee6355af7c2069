// The Chromium suite's small history (tests/e2e/seed.ts), written through Taiwa's own protocol
// from an extension page, plus an action item whose words Firefox's Intl.Segmenter does not mark
// as words ("メンター 紹介": a kanji word before a space or the end).
import { callBackground } from './harness.mjs';

const DAY = 86_400_000;

/**
 * Aiko, a direct report met weekly for three weeks with a falling condition, a 1on1 planned in
 * two days, open action items of both sides, a goal and notes in Japanese and English; and Ben, a
 * peer never met.
 * @param {import('puppeteer-core').Page} page  an extension page
 */
export async function seedHistory(page) {
  const aiko = await callBackground(page, 'createPerson', {
    email: 'aiko.tanaka@example.com',
    name: 'Aiko Tanaka',
    relationship: 'report',
    cadence: 'weekly',
  });
  const ben = await callBackground(page, 'createPerson', {
    email: 'ben@example.com',
    name: 'Ben Ito',
    relationship: 'peer',
    cadence: 'monthly',
  });
  const now = Date.now();
  /** @type {{ id: string }[]} */
  const held = [];
  for (const [daysAgo, condition, rating, note] of /** @type {const} */ ([
    [21, 5, 4, 'Settling into the payments team. Wants more code review.'],
    [14, 4, 5, '来月の登壇に向けて資料を準備することに合意しました。'],
    [7, 2, 3, 'Tired after the release crunch; agreed to protect Fridays.'],
  ])) {
    const meeting = await callBackground(page, 'createMeeting', {
      personId: aiko.id,
      title: '1on1 Aiko / me',
      plannedStart: now - daysAgo * DAY,
      status: 'held',
      condition,
      rating,
      talkSelfMs: 3 * 60_000,
      talkOthersMs: 12 * 60_000,
    });
    await callBackground(page, 'saveNote', { meetingId: meeting.id, kind: 'shared', text: note });
    held.push(meeting);
  }
  const last = held[2]?.id ?? '';
  await callBackground(page, 'saveNote', {
    meetingId: last,
    kind: 'private',
    text: 'Watch for burnout signs.',
  });
  await callBackground(page, 'createAction', {
    personId: aiko.id,
    meetingId: last,
    text: 'Send Aiko the list of meetups',
    owner: 'me',
    due: now + 2 * DAY,
  });
  await callBackground(page, 'createAction', {
    personId: aiko.id,
    meetingId: last,
    text: 'メンター 紹介',
    owner: 'me',
  });
  await callBackground(page, 'createAction', {
    personId: aiko.id,
    meetingId: last,
    text: 'Draft the talk outline',
    owner: 'them',
  });
  const next = await callBackground(page, 'createMeeting', {
    personId: aiko.id,
    title: '1on1 Aiko / me',
    plannedStart: now + 2 * DAY,
    plannedEnd: now + 2 * DAY + 30 * 60_000,
    status: 'planned',
  });
  await callBackground(page, 'createGoal', { personId: aiko.id, text: 'Give a conference talk' });
  return { aiko, ben, held, next };
}
