import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { callBackground, countChanges, meetingsBetween } from './background';
import { expect, test } from './extension';
import { expectDecided } from './page-state';
import { seed } from './seed';

const CALL = 'https://meet.google.com/abc-defg-hij';
const host = (page: Page) => page.locator('[data-taiwa="notes-sidebar"]');
const sidebar = (page: Page) => page.frameLocator('[data-taiwa="notes-sidebar"] iframe');
const setPhase = (page: Page, phase: 'lobby' | 'waiting' | 'call' | 'ended') =>
  page.evaluate(
    (p) => (window as unknown as { fx: { setPhase(p: string): void } }).fx.setPhase(p),
    phase,
  );

/** No sidebar to see, reach with Tab, or hear with a screen reader (it may be loaded, hidden). */
async function expectOutOfSight(page: Page) {
  await expect(host(page)).toBeHidden();
  if (await host(page).count()) {
    expect(await host(page).evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
  }
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-taiwa]') ?? null),
    ).toBeNull();
  }
}

/** Aiko, with today's 1on1 planned in the calendar with this call's Meet code. */
async function seedAiko(
  page: Page,
  extensionUrl: (path: string) => string,
  endsInMs = 29 * 60_000,
) {
  const [aiko] = await seed(page, extensionUrl, [
    {
      person: { email: 'aiko.tanaka@example.com', name: 'Aiko T.', cadence: 'weekly' },
      meetings: [
        {
          title: '1on1 Aiko / Ben',
          plannedStart: Date.now() - 7 * 86_400_000,
          status: 'held',
          actions: [{ text: 'Share the onboarding doc', owner: 'me' }],
        },
        {
          title: '1on1 Aiko / Ben',
          plannedStart: Date.now() - 60_000,
          plannedEnd: Date.now() + endsInMs,
          meetCode: 'abc-defg-hij',
          agenda: [
            {
              id: 'topic-1',
              text: 'Conference talk proposal',
              author: 'them',
              category: 'career',
              response: 'advice',
              done: false,
              order: 1,
              originId: null,
              createdAt: 1,
            },
          ],
        },
      ],
    },
  ]);
  return { person: aiko!.person, meeting: aiko!.meetings[1]! };
}

test('the sidebar appears only once in the call, clear of the control bar, and stays for the wrap-up', async ({
  page,
  extensionUrl,
}) => {
  await seedAiko(page, extensionUrl);
  await page.goto(`${CALL}?authuser=0&phase=lobby`);
  await expectDecided(page, 'lobby');
  // Before the call it may wait loaded, but out of sight, out of reach of Tab and screen readers.
  await expectOutOfSight(page);
  await setPhase(page, 'waiting');
  await expectDecided(page, 'waiting');
  await expectOutOfSight(page);

  await setPhase(page, 'call');
  await expect(host(page)).toBeVisible();
  // Through the per-session id (use_dynamic_url), never the fixed extension id.
  await expect(host(page).locator('iframe')).toHaveAttribute(
    'src',
    /^chrome-extension:\/\/[0-9a-f-]{36}\/notes-sidebar\.html#abc-defg-hij$/,
  );
  await expect(sidebar(page).getByTestId('person-name')).toHaveText('Aiko T.');
  await expect(sidebar(page).getByTestId('agenda-list').locator('input.grow')).toHaveValue(
    'Conference talk proposal',
  );
  await expect(sidebar(page).getByTestId('open-actions')).toContainText('Share the onboarding doc');
  await expect(sidebar(page).getByTestId('meeting-timer')).toContainText(/left/);
  await expect(sidebar(page).getByTestId('wrap-up-nudge')).toHaveText('');
  const box = (await host(page).boundingBox())!;
  const controls = (await page.locator('.controls').boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(controls.y);

  await page.locator('#leave').click();
  await expect(sidebar(page).getByTestId('wrap-up')).toBeVisible({ timeout: 5_000 });
  // At the end of a long sidebar: brought into view.
  await expect(sidebar(page).getByTestId('wrap-up')).toBeInViewport({ ratio: 0.3 });
  await expect(host(page)).toBeVisible();
});

test('follows Meet switching calls and leaving without a page load', async ({ page }) => {
  await page.goto(CALL);
  await expect(host(page).locator('iframe')).toHaveAttribute('src', /#abc-defg-hij$/);
  // Meet switched calls without a load (the fixture still shows a call).
  await page.evaluate(() => history.pushState({}, '', '/kln-mnop-qrs'));
  await expect(host(page).locator('iframe')).toHaveAttribute('src', /#kln-mnop-qrs$/);
  await expect(host(page)).toHaveCount(1);
  await page.evaluate(() => history.pushState({}, '', '/landing'));
  await expect(host(page)).toHaveCount(0);

  // From the landing page to a call's lobby: no sidebar before joining.
  await page.goto('https://meet.google.com/landing');
  await expectDecided(page, 'no-call');
  await page.evaluate(() => history.pushState({}, '', '/xyz-wxyz-xyz'));
  // Decided for the new code: a page showing no lobby (a lobby would be decided after 0.4 s).
  await expectDecided(page, 'unknown');
  await expect(host(page)).toHaveCount(0);
});

test('the Meet code from a calendar event names the person', async ({ page }) => {
  // The calendar card of Aiko's 1on1 carries this call's link.
  await page.goto('https://calendar.google.com/calendar/u/0/r/week/2026/11/23');
  await page.locator('[data-fixture-event="aiko"]').click();
  await expect(
    page.frameLocator('[data-taiwa="prep-panel"] iframe').getByTestId('person-name'),
  ).toHaveText('Aiko Tanaka');
  await page.goto(CALL);
  await expect(sidebar(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
});

test('an unknown call asks whose 1on1 it is, and remembers the answer', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(`${CALL}?other=Chris%20Ito`);
  const ask = sidebar(page).getByTestId('ask-person');
  await expect(ask).toBeVisible();
  await expect(ask.getByTestId('new-person-name')).toHaveValue('Chris Ito');
  await ask.getByTestId('create-person').click();
  await expect(sidebar(page).getByTestId('person-name')).toHaveText('Chris Ito');

  // Next time, the same link (a recurring event keeps it) is recognised at once.
  const other = await page.context().newPage();
  await other.goto(`${CALL}?other=Someone%20Else`);
  await expect(sidebar(other).getByTestId('person-name')).toHaveText('Chris Ito');
  await expect(sidebar(other).getByTestId('ask-person')).toHaveCount(0);
  const people = await callBackground<{ person: { name: string } }[]>(
    await openExtensionPage(page, extensionUrl),
    'listPeople',
  );
  expect(people.map((p) => p.person.name)).toEqual(['Chris Ito']);
});

test('the other participant’s name is a question: nothing of theirs until the user says yes', async ({
  page,
  extensionUrl,
}) => {
  await seed(page, extensionUrl, [{ person: { email: 'dana@example.com', name: 'Dana Mori' } }]);
  await page.goto(`${CALL}?other=dana%20mori`);
  const confirm = sidebar(page).getByTestId('confirm-call');
  // Asked with the name Meet shows (it may be on a shared screen), not the stored one.
  await expect(confirm).toContainText('Is this your 1on1 with dana mori?');
  await expect(sidebar(page).getByTestId('meeting-notes')).toHaveCount(0);
  await confirm.getByTestId('confirm-yes').click();
  await expect(sidebar(page).getByTestId('person-name')).toHaveText('Dana Mori');
});

async function openExtensionPage(page: Page, extensionUrl: (path: string) => string) {
  const extra = await page.context().newPage();
  await extra.goto(extensionUrl('popup.html'));
  return extra;
}

test('notes typed and the tab closed at once are there after reopening', async ({
  page,
  context,
  extensionUrl,
}) => {
  const { meeting } = await seedAiko(page, extensionUrl);
  await page.goto(CALL);
  const shared = sidebar(page).getByTestId('notes-shared');
  await shared.click();
  await page.keyboard.type('We agreed on the talk outline.');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(CALL);
  await expect(sidebar(again).getByTestId('notes-shared')).toHaveValue(
    'We agreed on the talk outline.',
  );
  const view = await callBackground<{ shared: { text: string } }>(
    await openExtensionPage(again, extensionUrl),
    'getMeetingView',
    { meetingId: meeting.id },
  );
  expect(view.shared.text).toBe('We agreed on the talk outline.');
});

/**
 * Reloads the extension the way chrome://extensions does. (chrome.runtime.reload() leaves a
 * command-line-loaded extension disabled unless developer mode is on, so this turns it on first.)
 */
async function reloadExtension(context: BrowserContext, extensionId: string) {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(async (id) => {
    const dev = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await dev.updateProfileConfiguration({ inDeveloperMode: true });
    await dev.reload(id, { failQuietly: true });
  }, extensionId);
  await settings.close();
}
interface DeveloperPrivate {
  updateProfileConfiguration(config: { inDeveloperMode: boolean }): Promise<void>;
  reload(id: string, options: { failQuietly: boolean }): Promise<void>;
}

test('reloading the extension mid-call brings the sidebar back with nothing lost', async ({
  page,
  context,
  extensionUrl,
  extensionId,
}) => {
  const { meeting } = await seedAiko(page, extensionUrl);
  await page.goto(CALL);
  const shared = sidebar(page).getByTestId('notes-shared');
  await shared.click();
  await page.keyboard.type('Saved before the update. ');
  await expect(sidebar(page).locator('.save-state').first()).toHaveAttribute('data-state', 'saved');
  await page.keyboard.type('Typed as it happened.');
  // The extension updates (here: reloads, as chrome://extensions does) inside the autosave delay.
  await reloadExtension(context, extensionId);

  await expect(sidebar(page).getByTestId('notes-shared')).toHaveValue(
    'Saved before the update. Typed as it happened.',
    { timeout: 15_000 },
  );
  await expect(host(page)).toHaveCount(1);
  const check = await context.newPage();
  await check.goto(extensionUrl('popup.html'));
  await expect
    .poll(
      async () =>
        (
          await callBackground<{ shared: { text: string } }>(check, 'getMeetingView', {
            meetingId: meeting.id,
          })
        ).shared.text,
      { timeout: 10_000 },
    )
    .toBe('Saved before the update. Typed as it happened.');
});

test('a scripted speaking schedule is measured within 10%', async ({ page, extensionUrl }) => {
  test.slow();
  await seedAiko(page, extensionUrl);
  await page.goto(CALL);
  await expect(sidebar(page).getByTestId('person-name')).toHaveText('Aiko T.');
  // 20 s: self speaks 4 s (20%), the other person 16 s (80%), in turns.
  const schedule = [
    { who: 'other', ms: 5_000 },
    { who: 'self', ms: 2_000 },
    { who: 'other', ms: 6_000 },
    { who: 'self', ms: 2_000 },
    { who: 'other', ms: 5_000 },
  ];
  await page.evaluate(
    (s) => (window as unknown as { fx: { play(s: unknown): Promise<void> } }).fx.play(s),
    schedule,
  );
  const meter = sidebar(page).getByTestId('talk-ratio');
  // The last second reaches the background with the next report (one a second, each announced to
  // the views): two reports after the schedule ended, one of them made after it; then the meter
  // shows what the background holds.
  const frame = page.frame({ url: /\/notes-sidebar\.html/ })!;
  const reports = await countChanges(frame, 'calls');
  await expect.poll(reports).toBeGreaterThanOrEqual(2);
  const { talk } = await callBackground<{ talk: { selfMs: number; othersMs: number } }>(
    frame,
    'getCallView',
  );
  await expect(meter).toHaveAttribute('data-self-ms', String(Math.round(talk.selfMs)));
  await expect(meter).toHaveAttribute('data-others-ms', String(Math.round(talk.othersMs)));
  const self = Number(await meter.getAttribute('data-self-ms'));
  const others = Number(await meter.getAttribute('data-others-ms'));
  expect(Math.abs(self - 4_000)).toBeLessThanOrEqual(400);
  expect(Math.abs(others - 16_000)).toBeLessThanOrEqual(1_600);
  await expect(meter).toContainText(/You 2\d% · them [78]\d%/);
});

test('the older UI and the UI without participant ids degrade gracefully', async ({
  page,
  extensionUrl,
}) => {
  await seedAiko(page, extensionUrl);
  for (const ui of ['old', 'noid']) {
    await page.goto(`${CALL}?ui=${ui}`);
    await expect(sidebar(page).getByTestId('person-name')).toHaveText('Aiko T.');
    const meter = sidebar(page).getByTestId('talk-ratio');
    await expect(meter).toHaveAttribute('data-state', 'unmeasurable');
    await expect(meter).toContainText('cannot be measured');
    // Visible, never silent: the health line says what is missing.
    await expect(sidebar(page).getByTestId('health')).toHaveAttribute('data-state', 'degraded', {
      timeout: 10_000,
    });
  }
});

test('the host page cannot read or hear the notes', async ({ page, extensionUrl }) => {
  await seedAiko(page, extensionUrl);
  await page.goto(CALL);
  await page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'message']) {
      window.addEventListener(type, () => heard.push(type), true);
      document.addEventListener(type, () => heard.push(type), true);
    }
  });
  const shared = sidebar(page).getByTestId('notes-shared');
  await shared.click();
  await page.keyboard.type('secret feedback');
  await expect(shared).toHaveValue('secret feedback');
  const seen = await page.evaluate(() => ({
    heard: (window as unknown as { heard: string[] }).heard,
    text: document.documentElement.outerHTML,
    frame: document.querySelector<HTMLIFrameElement>('[data-taiwa] iframe')?.contentDocument,
  }));
  expect(seen.heard).toEqual([]);
  expect(seen.text).not.toContain('secret feedback');
  expect(seen.frame ?? null).toBeNull();
});

test('templates, action items with a due date and the wrap-up, by keyboard; no axe violations', async ({
  page,
  extensionUrl,
}) => {
  const { meeting } = await seedAiko(page, extensionUrl);
  await page.goto(CALL);
  const frame = sidebar(page);
  await expect(frame.getByTestId('person-name')).toHaveText('Aiko T.');
  await frame.getByTestId('templates-shared').selectOption({ label: 'Feedback (SBI)' });
  await expect(frame.getByTestId('notes-shared')).toHaveValue('Situation:\nBehaviour:\nImpact:\n');

  await frame.getByTestId('action-input').fill('Draft the abstract');
  await frame.getByTestId('action-input-due').fill('2030-01-15');
  await frame.getByTestId('action-input').press('Enter');
  await expect(frame.getByTestId('open-actions')).toContainText('Draft the abstract');

  await frame.getByTestId('open-wrap-up').press('Enter');
  const wrap = frame.getByTestId('wrap-up');
  await wrap.getByTestId('wrap-up-condition').getByLabel('4').check();
  await wrap.getByTestId('wrap-up-rating').getByLabel('5').focus();
  await page.keyboard.press('Space');
  await expect(wrap).toContainText('1 topics not discussed carry over');
  // Weekly: the next 1on1 is suggested a week after this one, at the same time.
  await wrap.getByRole('button', { name: 'Plan it' }).click();
  await expect(wrap.getByRole('status')).toContainText('Next 1on1 planned for');

  const axe = await new AxeBuilder({ page }).include('[data-taiwa="notes-sidebar"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  const check = await openExtensionPage(page, extensionUrl);
  await expect
    .poll(async () => {
      const view = await callBackground<{
        meeting: { condition: number; rating: number };
        actions: { text: string; due: number }[];
      }>(check, 'getMeetingView', { meetingId: meeting.id });
      return [view.meeting.condition, view.meeting.rating, view.actions[0]?.due];
    })
    .toEqual([4, 5, new Date(2030, 0, 15).getTime()]);
  const upcoming = await meetingsBetween(
    check,
    Date.now() + 86_400_000,
    Date.now() + 30 * 86_400_000,
  );
  expect(
    upcoming.map((m) => [
      m.status,
      Math.round((m.plannedStart! - meeting.plannedStart!) / 3_600_000),
    ]),
  ).toEqual([['planned', 7 * 24]]);
});

test('five minutes before the end, a gentle nudge to confirm the action items', async ({
  page,
  extensionUrl,
}) => {
  const { meeting } = await seedAiko(page, extensionUrl, 4 * 60_000);
  await page.goto(CALL);
  const timer = sidebar(page).getByTestId('meeting-timer');
  await expect(timer).toContainText(/[34]:\d\d left/);
  await expect(timer.getByTestId('wrap-up-nudge')).toHaveText(/confirm the action items/);
  await expect(timer.getByTestId('wrap-up-nudge')).toHaveAttribute('role', 'status');
  // Running over: said plainly, no "minutes left".
  const control = await openExtensionPage(page, extensionUrl);
  await callBackground(control, 'updateMeeting', {
    id: meeting.id,
    patch: { plannedEnd: Date.now() - 60_000 },
  });
  await expect(timer).toContainText('past the scheduled end');
  await expect(timer.getByTestId('wrap-up-nudge')).toHaveText('');
});

test('the sidebar folds to its header and back, keeping what was typed', async ({
  page,
  extensionUrl,
}) => {
  await seedAiko(page, extensionUrl);
  await page.goto(CALL);
  const frame = sidebar(page);
  await frame.getByTestId('notes-private').fill('Ask about the move');
  const open = (await host(page).boundingBox())!.height;
  await frame.getByTestId('sidebar-toggle').press('Enter');
  await expect(frame.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await host(page).boundingBox())!.height).toBeLessThan(100);
  await frame.getByTestId('sidebar-toggle').press('Enter');
  await expect.poll(async () => (await host(page).boundingBox())!.height).toBe(open);
  await expect(frame.getByTestId('notes-private')).toHaveValue('Ask about the move');
});

test.describe('in Japanese', () => {
  test.use({ language: 'ja' });

  test('the Japanese Meet UI and sidebar work', async ({ page, extensionUrl }) => {
    await seedAiko(page, extensionUrl);
    await page.goto(`${CALL}?lang=ja&phase=lobby`);
    await expectDecided(page, 'lobby');
    await expectOutOfSight(page);
    await setPhase(page, 'call');
    const frame = sidebar(page);
    await expect(frame.getByTestId('page-title')).toHaveText('1on1 メモ');
    await expect(frame.getByTestId('person-name')).toHaveText('Aiko T.');
    await expect(frame.getByTestId('meeting-timer')).toContainText('残り');
    await page.locator('#leave').click();
    await expect(frame.getByTestId('wrap-up')).toContainText('振り返り', { timeout: 5_000 });
  });
});
