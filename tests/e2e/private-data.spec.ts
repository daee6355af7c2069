import type { Page, Worker } from '@playwright/test';
import { callBackground } from './background';
import { expect, test } from './extension';
import { seed } from './seed';

// Private data only where it belongs: not on a team call's screen, not in storage that content
// scripts can read.

const CALL = 'https://meet.google.com/abc-defg-hij';
const WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';
const sidebar = (page: Page) => page.frameLocator('[data-taiwa="notes-sidebar"] iframe');

/** Aiko, a report, with her 1on1 planned an hour from now (no Meet link yet): agenda and memo. */
async function seedAiko(page: Page, extensionUrl: (path: string) => string) {
  const [aiko] = await seed(page, extensionUrl, [
    {
      person: { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka', relationship: 'report' },
      meetings: [
        {
          title: '1on1 Aiko / Ben',
          plannedStart: Date.now() + 3_600_000,
          agenda: [
            {
              id: 'topic-1',
              text: 'SECRET-AGENDA salary question',
              author: 'them',
              category: 'career',
              response: 'advice',
              done: false,
              order: 1,
              originId: null,
              createdAt: 1,
            },
          ],
          private: 'SECRET-MEMO thinking of leaving',
          actions: [{ text: 'SECRET-ACTION check visa', owner: 'me' }],
        },
      ],
    },
  ]);
  return { person: aiko!.person, meeting: aiko!.meetings[0]! };
}

test('a team call with a guest named like a report shows none of hers and changes none of her records', async ({
  page,
  context,
  extensionUrl,
}) => {
  const { meeting } = await seedAiko(page, extensionUrl);
  const before = await callBackground(page, 'getMeetingView', { meetingId: meeting.id });
  const call = await context.newPage();
  await call.goto(`${CALL}?people=4&other=Aiko%20Tanaka`);
  // The sidebar has decided: it asks whose call this is (never assumes Aiko).
  await expect(sidebar(call).getByTestId('ask-person')).toBeVisible();
  await expect(sidebar(call).getByTestId('confirm-call')).toHaveCount(0);
  const shown = await sidebar(call).locator('body').innerText();
  for (const secret of ['SECRET-AGENDA', 'SECRET-MEMO', 'SECRET-ACTION']) {
    expect(shown).not.toContain(secret);
  }
  // Leave the call: nothing of hers was written (no code saved, not marked held).
  await call.evaluate(() =>
    (window as unknown as { fx: { setPhase(p: string): void } }).fx.setPhase('ended'),
  );
  await expect(sidebar(call).getByTestId('ask-person')).toBeVisible();
  expect(await callBackground(page, 'getMeetingView', { meetingId: meeting.id })).toEqual(before);
});

/** Everything in `storage.local` and `storage.sync`, read whole in the service worker. */
const readStorage = (worker: Worker) =>
  worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
  );

test('typing in every private field of every view leaves no user text in local or sync storage', async ({
  page,
  context,
  extension,
  extensionUrl,
}) => {
  const { person, meeting } = await seedAiko(page, extensionUrl);
  // The notes sidebar (a 1on1 known by its code) …
  await callBackground(page, 'updateMeeting', {
    id: meeting.id,
    patch: { meetCode: 'abc-defg-hij', plannedStart: Date.now() },
  });
  const call = await context.newPage();
  await call.goto(CALL);
  const frame = sidebar(call);
  await frame.getByTestId('notes-private').fill('TYPED-SIDEBAR-PRIVATE');
  await frame.getByTestId('notes-shared').fill('TYPED-SIDEBAR-SHARED');
  await expect(
    frame.getByTestId('notes-private').locator('xpath=..').getByRole('status'),
  ).toHaveText('Saved');
  // … the prep panel on Calendar …
  const calendar = await context.newPage();
  await calendar.goto(WEEK);
  await calendar.locator('[data-fixture-event="aiko"]').click();
  const panel = calendar.frameLocator('[data-taiwa="prep-panel"] iframe');
  await panel.getByTestId('notes-private').fill('TYPED-PANEL-MEMO');
  await expect(
    panel.getByTestId('notes-private').locator('xpath=..').getByRole('status'),
  ).toHaveText('Saved');
  // … and the notebook's meeting page and settings keywords.
  const notebook = await context.newPage();
  await notebook.goto(extensionUrl(`notebook.html#meeting=${meeting.id}`));
  await notebook.getByTestId('notes-private').fill('TYPED-NOTEBOOK-PRIVATE');
  await expect(
    notebook.getByTestId('notes-private').locator('xpath=..').getByRole('status'),
  ).toHaveText('Saved');
  await callBackground(page, 'saveSettings', { keywords: ['TYPED-KEYWORD'] });
  await callBackground(page, 'updatePerson', {
    id: person.id,
    patch: { profile: { career: 'TYPED-CAREER', values: '', strengths: '' } },
  });

  const stored = await readStorage(extension.worker);
  expect(stored).not.toMatch(/TYPED-|SECRET-|Aiko|aiko\./);
  // Where it went: the background's database has all of it.
  const view = await callBackground<{ private: { text: string } }>(page, 'getMeetingView', {
    meetingId: meeting.id,
  });
  expect(view.private.text).toBe('TYPED-NOTEBOOK-PRIVATE');
});
