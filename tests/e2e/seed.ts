import type { Page } from '@playwright/test';
import { callBackground } from './background';

const DAY = 86_400_000;

/**
 * A small history written through Taiwa's own protocol (from an extension page): Aiko, a direct
 * report met weekly for three weeks with a falling condition, a 1on1 planned in two days, open
 * action items of both sides and notes in Japanese and English; and Ben, a peer never met.
 */
export async function seedHistory(page: Page, extensionUrl: (path: string) => string) {
  await page.goto(extensionUrl('options.html'));
  const aiko = await callBackground<{ id: string }>(page, 'createPerson', {
    email: 'aiko.tanaka@example.com',
    name: 'Aiko Tanaka',
    relationship: 'report',
    cadence: 'weekly',
  });
  const ben = await callBackground<{ id: string }>(page, 'createPerson', {
    email: 'ben@example.com',
    name: 'Ben Ito',
    relationship: 'peer',
    cadence: 'monthly',
  });
  const now = Date.now();
  const held = [];
  for (const [daysAgo, condition, rating, note] of [
    [21, 5, 4, 'Settling into the payments team. Wants more code review.'],
    [14, 4, 5, '来月の登壇に向けて資料を準備することに合意しました。'],
    [7, 2, 3, 'Tired after the release crunch; agreed to protect Fridays.'],
  ] as const) {
    const meeting = await callBackground<{ id: string }>(page, 'createMeeting', {
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
  await callBackground(page, 'saveNote', {
    meetingId: held[2]!.id,
    kind: 'private',
    text: 'Watch for burnout signs.',
  });
  const promise = await callBackground<{ id: string }>(page, 'createAction', {
    personId: aiko.id,
    meetingId: held[2]!.id,
    text: 'Send Aiko the list of meetups',
    owner: 'me',
    due: now + 2 * DAY,
  });
  await callBackground(page, 'createAction', {
    personId: aiko.id,
    meetingId: held[2]!.id,
    text: 'Draft the talk outline',
    owner: 'them',
  });
  const next = await callBackground<{ id: string }>(page, 'createMeeting', {
    personId: aiko.id,
    title: '1on1 Aiko / me',
    plannedStart: now + 2 * DAY,
    plannedEnd: now + 2 * DAY + 30 * 60_000,
    status: 'planned',
  });
  await callBackground(page, 'createGoal', { personId: aiko.id, text: 'Give a conference talk' });
  return { aiko, ben, held, next, promise };
}
