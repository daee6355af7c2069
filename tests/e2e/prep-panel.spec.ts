import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callBackground, meetingsBetween } from './background';
import { expect, test } from './extension';
import { expectDecided } from './page-state';
import { seed } from './seed';

const WEEK = 'https://calendar.google.com/calendar/u/1/r/week/2026/11/23';
const host = (page: Page) => page.locator('[data-taiwa="prep-panel"]');
const panel = (page: Page) => page.frameLocator('[data-taiwa="prep-panel"] iframe');
const chip = (page: Page, event: string) => page.locator(`[data-fixture-event="${event}"]`);

/** Aiko's history before this week: a held 1on1 with an open action and an unfinished topic. */
async function seedAiko(page: Page, extensionUrl: (path: string) => string) {
  const [aiko] = await seed(page, extensionUrl, [
    {
      person: {
        email: 'aiko.tanaka@example.com',
        name: 'Aiko Tanaka',
        relationship: 'report',
        cadence: 'weekly',
      },
      meetings: [
        {
          title: '1on1 Aiko / Ben',
          plannedStart: Date.parse('2026-11-17T10:00:00+09:00'),
          status: 'held',
          condition: 4,
          agenda: [
            {
              id: 'topic-carried',
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
          actions: [{ text: 'Share the onboarding doc', owner: 'me' }],
          shared: 'Agreed to pair on the release.',
        },
      ],
    },
  ]);
  return aiko!.person;
}

test('shows the person, carried-over items and last time for a 1on1', async ({
  page,
  extensionUrl,
}) => {
  await seedAiko(page, extensionUrl);
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  const frame = panel(page);
  await expect(frame.getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await expect(frame.getByTestId('open-actions').getByTestId('action-item')).toHaveText([
    /Share the onboarding doc/,
  ]);
  await expect(frame.getByTestId('carried-agenda')).toContainText('Conference talk proposal');
  await expect(frame.getByTestId('last-shared')).toHaveText('Agreed to pair on the release.');
  await expect(frame.getByTestId('condition-trend')).toHaveAttribute('aria-label', /: 4/);
  await expect(frame.getByTestId('not-evaluation')).toBeVisible();

  // Checking the action off here closes it for every view.
  await frame.getByTestId('action-item').getByRole('checkbox').click();
  // It stays in sight, checked, where it was checked off.
  await expect(frame.getByTestId('action-item').getByRole('checkbox')).toBeChecked();
  await page.goto(extensionUrl('popup.html'));
  await expect.poll(() => callBackground<unknown[]>(page, 'listOpenActions', {})).toHaveLength(0);
});

test('a group event shows no panel; a reused card switches to the other person', async ({
  page,
  extensionUrl,
}) => {
  const popup = await page.context().newPage();
  await popup.goto(extensionUrl('popup.html'));
  await page.goto(WEEK);
  await chip(page, 'team').click();
  await expect(page.locator('[jsname="ssXDle"] #rAECCd')).toHaveText('Team weekly');
  // Once the background has the event, the content script has decided about the panel too.
  await expect
    .poll(async () => {
      const view = await callBackground<{ event: unknown }>(popup, 'getPrepView', {
        eventId: 'teamweekly_20261125T020000Z',
      });
      return view.event;
    })
    .toMatchObject({ isOneOnOne: false });
  await expect(host(page)).toHaveCount(0);

  await chip(page, 'aiko').click();
  await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await chip(page, 'yamada').click();
  await expect(panel(page).getByTestId('person-name')).toHaveText('山田 太郎');
  await expect(host(page)).toHaveCount(1);
});

test('an agenda typed in the panel survives the re-render and a reload', async ({ page }) => {
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  const frame = panel(page);
  await frame.getByTestId('agenda-input').fill('Feedback on the design review');
  await frame.getByTestId('agenda-input').press('Enter');
  await expect(frame.getByTestId('agenda-list').locator('input.grow')).toHaveValue(
    'Feedback on the design review',
  );
  // Google re-renders the card 0.8 s after opening (the fixture marks it); the panel and its
  // content stay.
  await expect(page.locator('[data-chips-dialog][jsname="ssXDle"]')).toHaveAttribute(
    'data-fixture-rerendered',
    'aiko',
  );
  await expectDecided(page, 'shown');
  await expect(frame.getByTestId('agenda-list').locator('input.grow')).toHaveValue(
    'Feedback on the design review',
  );
  // An edit of the topic's text saves as it is typed.
  await frame.getByTestId('agenda-list').locator('input.grow').fill('Feedback on the review');
  await frame.getByTestId('notes-private').fill('Ask how the move went.');
  await expect(
    frame.getByTestId('notes-private').locator('xpath=..').getByRole('status'),
  ).toHaveText('Saved');

  await page.reload();
  await chip(page, 'aiko').click();
  await expect(panel(page).getByTestId('agenda-list').locator('input.grow')).toHaveValue(
    'Feedback on the review',
  );
  await expect(panel(page).getByTestId('notes-private')).toHaveValue('Ask how the move went.');
});

test('the page cannot read or hear what is typed in the panel', async ({ page }) => {
  await page.goto(WEEK);
  // A hostile page script listens to everything it can.
  await page.evaluate(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'message']) {
      window.addEventListener(
        type,
        (e) =>
          heard.push(
            `${type}:${JSON.stringify((e as MessageEvent).data ?? (e as KeyboardEvent).key ?? '')}`,
          ),
        true,
      );
      document.addEventListener(type, () => heard.push(type), true);
    }
  });
  await chip(page, 'aiko').click();
  const input = panel(page).getByTestId('agenda-input');
  await input.click();
  await page.keyboard.type('secret plan');
  await input.press('Enter');
  await expect(panel(page).getByTestId('agenda-list').locator('input.grow')).toHaveValue(
    'secret plan',
  );
  const seen = await page.evaluate(() => ({
    heard: (window as unknown as { heard: string[] }).heard,
    text: document.documentElement.outerHTML,
    frame: document.querySelector<HTMLIFrameElement>('[data-taiwa] iframe')?.contentDocument,
  }));
  expect(seen.heard.filter((h) => /secret|key|input/i.test(h))).toEqual([]);
  expect(seen.text).not.toContain('secret plan');
  expect(seen.frame ?? null).toBeNull();
});

test('a hostile title and guest name show as text and run nothing', async ({ page }) => {
  await page.goto(WEEK);
  await chip(page, 'hostile').click();
  const frame = panel(page);
  await expect(frame.getByTestId('person-name')).toHaveText(
    `<img src=x onerror="document.body.dataset.pwned='guest'">`,
  );
  await expect(frame.locator('img[src="x"]')).toHaveCount(0);
  await expectDecided(page, 'shown');
  // Every image of the page has loaded or failed: an error handler would have run.
  await expect
    .poll(() => page.evaluate(() => [...document.images].every((img) => img.complete)))
    .toBe(true);
  expect(await page.evaluate(() => document.body.dataset.pwned ?? null)).toBeNull();
  expect(await frame.locator('body').evaluate((b) => b.dataset.pwned ?? null)).toBeNull();
});

test('"Not a 1on1" and "Treat as 1on1" apply to the whole series', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(WEEK);
  // Design sync: a colleague, a room and a group: not a 1on1, but it could be one.
  await chip(page, 'design').click();
  await expect(panel(page).getByTestId('not-1on1')).toBeVisible();
  await panel(page).getByTestId('treat-as-1on1').click();
  await expect(panel(page).getByTestId('person-name')).toHaveText('Chris Ito');

  await chip(page, 'aiko').click();
  await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await panel(page).getByTestId('not-1on1-button').click();
  await expect(panel(page).getByTestId('treat-as-1on1')).toBeVisible();

  const popup = await page.context().newPage();
  await popup.goto(extensionUrl('popup.html'));
  const meetings = await meetingsBetween(popup, 0, Date.parse('2030-01-01'));
  // Aiko's empty planned meeting went with "Not a 1on1"; Chris's stays.
  expect(meetings.map((m) => m.seriesId)).toEqual(['designsync']);
});

test('records upcoming 1on1s from grid chips once their series is known', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await page.keyboard.press('Escape');
  const popup = await page.context().newPage();
  await popup.goto(extensionUrl('popup.html'));
  await expect
    .poll(async () =>
      (await meetingsBetween(popup, 0, Date.parse('2030-01-01'))).map((m) => [
        m.eventId,
        new Date(m.plannedStart!).getDate(),
      ]),
    )
    .toEqual([
      ['aiko1on1_20261124T010000Z', 24],
      ['aiko1on1_20261127T000000Z', 27],
      ['aiko1on1_20261201T010000Z', 1],
    ]);
});

test('shows the panel docked on the full edit page', async ({ page }) => {
  await page.goto(
    'https://calendar.google.com/calendar/u/0/r/eventedit/YWlrbzFvbjFfMjAyNjExMjRUMDEwMDAwWiBiZW4uc3V6dWtpQGV4YW1wbGUuY29t',
  );
  await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
  const box = await host(page).boundingBox();
  const width = page.viewportSize()!.width;
  expect(box!.x + box!.width).toBeGreaterThan(width - 40);
});

test('can be folded away, and stays folded for the next event', async ({ page }) => {
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  await expect(panel(page).getByTestId('person-name')).toBeVisible();
  // Sized to its content once it has measured itself.
  await expect.poll(async () => (await host(page).boundingBox())!.height).toBeGreaterThan(300);
  const open = (await host(page).boundingBox())!.height;
  await panel(page).getByTestId('panel-toggle').click();
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await host(page).boundingBox())!.height).toBeLessThan(open / 2);
  await chip(page, 'yamada').click();
  await expect(panel(page).getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page).locator('h1')).toContainText('山田 太郎');
});

test('a Calendar page Taiwa cannot read shows a degraded state, not silence', async ({
  page,
  extensionUrl,
}) => {
  await page.goto(`${WEEK}?redesign=1`);
  const popup = await page.context().newPage();
  await popup.goto(extensionUrl('popup.html'));
  // Two checks 3 s apart must agree before the state is shown.
  await expect(popup.getByTestId('health')).toHaveAttribute('data-state', 'degraded', {
    timeout: 15_000,
  });
  await expect(popup.getByTestId('health')).toContainText('Google Calendar');
  const [report] = await callBackground<{ tabId: number }[]>(popup, 'getHealth');
  const badge = await popup.evaluate(
    (tabId) => chrome.action.getBadgeText({ tabId }),
    report!.tabId,
  );
  expect(badge).toBe('!');

  // A healthy page in the same tab clears it.
  await page.goto(WEEK);
  await expect(popup.getByTestId('health')).toHaveAttribute('data-state', 'ok', {
    timeout: 15_000,
  });
});

test('the panel passes axe and works from the keyboard', async ({ page, extensionUrl }) => {
  await seedAiko(page, extensionUrl);
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
  // The same page on its own, so axe sees only Taiwa's markup (not the fixture's).
  const alone = await page.context().newPage();
  await alone.goto(extensionUrl('prep-panel.html#aiko1on1_20261124T010000Z'));
  await expect(alone.getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await alone.locator('details.prompts summary').click();
  const { violations } = await new AxeBuilder({ page: alone }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

  // Keyboard only: reach the topic field, add a topic, and find it in the agenda.
  await alone.getByTestId('agenda-input').focus();
  await alone.keyboard.type('Keyboard topic');
  await alone.keyboard.press('Enter');
  await expect(alone.getByTestId('agenda-list').locator('input.grow')).toHaveValue(
    'Keyboard topic',
  );
  // A built-in prompt goes to the agenda with one press.
  await alone.getByRole('button', { name: 'Work', exact: true }).press('Enter');
  await alone
    .getByRole('button', { name: 'Add to the agenda: What is going well, and what is stuck?' })
    .press('Enter');
  await expect(alone.getByTestId('agenda-list').locator('input.grow')).toHaveCount(2);
});

test('a memo typed just before the tab closes is kept', async ({ page, extensionUrl }) => {
  await page.goto(WEEK);
  await chip(page, 'aiko').click();
  await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
  const alone = await page.context().newPage();
  await alone.goto(extensionUrl('prep-panel.html#aiko1on1_20261124T010000Z'));
  await alone.getByTestId('notes-private').fill('Typed and closed at once');
  // Closed well inside the 300 ms autosave delay: the page-hide flush must save it.
  await alone.close({ runBeforeUnload: true });
  await expect(panel(page).getByTestId('notes-private')).toHaveValue('Typed and closed at once');
});

test.describe('in Japanese', () => {
  test.use({ language: 'ja' });

  test('the panel speaks Japanese on the Japanese Calendar UI', async ({ page }) => {
    await page.goto(`${WEEK}?hl=ja`);
    await chip(page, 'yamada').click();
    const frame = panel(page);
    await expect(frame.locator('h1')).toContainText('1on1 の準備');
    await expect(frame.getByTestId('person-name')).toHaveText('山田 太郎');
    await expect(frame.getByRole('heading', { name: 'アジェンダ' })).toBeVisible();
    await expect(frame.locator('html')).toHaveAttribute('lang', 'ja');
  });
});
