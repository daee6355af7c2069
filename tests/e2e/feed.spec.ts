import type { Page, Worker } from '@playwright/test';
import { buildIcs, type FeedEvent } from '../support/ics.mjs';
import { startIcsServer } from '../support/ics-server.mjs';
import { callBackground, meetingOfEvent, meetingsBetween } from './background';
import { expect, test } from './extension';
import { seed } from './seed';

type Server = Awaited<ReturnType<typeof startIcsServer>>;
let server: Server;

test.beforeAll(async () => {
  server = await startIcsServer();
});
test.afterAll(async () => server.close());

const MIN = 60_000;
const DAY = 86_400_000;
const BEN = 'ben.suzuki@example.com';
const AIKO = { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka' };
const TARO = { email: 'taro.yamada@example.com', name: '山田 太郎' };
const ROOM = {
  email: 'c_1889abc@resource.calendar.google.com',
  name: 'Tokyo-3F-Room A',
  cutype: 'RESOURCE' as const,
};

/** A start on a whole quarter hour, `days` from now, at about `hour` o'clock UTC. */
const at = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.getTime();
};

/**
 * Ben's week as Google's secret address serves it: a 1on1 by keyword with Aiko (and a room), a
 * chat with Taro that only the two-guest rule finds, and a weekly team meeting with a group.
 */
function week(extra: FeedEvent[] = []): string {
  const aiko = at(1, 1);
  const taro = at(2, 6);
  const team = at(1, 2);
  return buildIcs({
    events: [
      {
        uid: 'aiko1on1@google.com',
        summary: '1on1 Aiko / Ben',
        start: aiko,
        end: aiko + 30 * MIN,
        organizer: BEN,
        attendees: [{ email: BEN, name: 'Ben Suzuki' }, AIKO, ROOM],
        meet: 'abc-defg-hij',
      },
      {
        uid: 'coffee7taro@google.com',
        summary: 'Coffee chat',
        start: taro,
        end: taro + 30 * MIN,
        organizer: TARO.email,
        attendees: [TARO, { email: BEN, name: 'Ben Suzuki' }],
      },
      {
        uid: 'teamweekly@google.com',
        summary: 'Team weekly',
        start: team,
        end: team + 60 * MIN,
        rrule: 'FREQ=WEEKLY',
        organizer: BEN,
        attendees: [
          { email: BEN, name: 'Ben Suzuki' },
          AIKO,
          { email: 'chris.ito@example.com', name: 'Chris Ito' },
          { email: 'dana.mori@example.com', name: 'Dana Mori' },
          { email: 'eng-team@example.com', name: 'eng-team', cutype: 'GROUP' },
        ],
      },
      ...extra,
    ],
  });
}

async function connect(page: Page, url: string, path: string) {
  await page.goto(url);
  await page.getByTestId('feed-url').fill(`${server.url}${path}`);
  await page.getByTestId('feed-connect').click();
}

test('the popup lists the week’s 1on1s from the feed, Calendar never opened', async ({
  page,
  extension,
  extensionUrl,
}) => {
  const secret = '/calendar/ical/ben/private-5ec7e7a1d0c0ffee/basic.ics';
  server.serve(secret, { body: () => week() });
  await connect(page, extensionUrl('options.html'), secret);
  const status = page.getByTestId('feed-status');
  await expect(status).toHaveAttribute('data-state', 'ok', { timeout: 15_000 });
  await expect(status).toContainText('2 1on1s in the coming weeks (2 in the next 7 days)');
  // Saved, the secret address is shown masked: host and file name only.
  await expect(page.getByTestId('feed-url')).toHaveValue(
    /^http:\/\/127\.0\.0\.1:\d+\/••••\/basic\.ics$/,
  );
  await expect(page.getByTestId('feed-url')).toHaveAttribute('readonly', '');
  // Nowhere a content script could read it.
  const stored = await extension.worker.evaluate(async () =>
    JSON.stringify([
      await chrome.storage.local.get(),
      await chrome.storage.sync.get(),
      await chrome.storage.session.get(),
    ]),
  );
  expect(stored).not.toContain('private-5ec7e7a1d0c0ffee');

  await page.goto(extensionUrl('popup.html'));
  const rows = page.getByTestId('upcoming-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Aiko Tanaka');
  // No keyword: the two-guest rule found it.
  await expect(rows.nth(1)).toContainText('山田 太郎');
  // No one from the team meeting became a person.
  const people = await callBackground<{ person: { email: string } }[]>(page, 'listPeople');
  expect(people.map((p) => p.person.email).sort()).toEqual([AIKO.email, TARO.email]);
  const aiko = await meetingOfEvent(page, 'aiko1on1');
  const meeting = await callBackground<{ meeting: { meetCode: string } }>(page, 'getMeetingView', {
    meetingId: aiko,
  });
  expect(meeting.meeting.meetCode).toBe('abc-defg-hij');
});

test('a feed event and the same event opened in Calendar give one record', async ({
  page,
  extensionUrl,
}) => {
  // The fixture's "1対1 山田さん" (data-eventid "yamada1on1 ben.suzuki@example.com"): the feed
  // names it by its iCalUID, yamada1on1@google.com.
  const start = at(1, 6);
  server.serve('/join.ics', {
    body: buildIcs({
      events: [
        {
          uid: 'yamada1on1@google.com',
          summary: '1対1 山田さん',
          start,
          end: start + 30 * MIN,
          organizer: BEN,
          attendees: [{ email: BEN, name: 'Ben Suzuki' }, TARO],
          meet: 'kln-mnop-qrs',
        },
      ],
    }),
  });
  await connect(page, extensionUrl('options.html'), '/join.ics');
  await expect(page.getByTestId('feed-status')).toHaveAttribute('data-state', 'ok', {
    timeout: 15_000,
  });
  const fromFeed = await meetingOfEvent(page, 'yamada1on1');
  expect(fromFeed).not.toBeNull();

  const calendar = await page.context().newPage();
  await calendar.goto('https://calendar.google.com/calendar/u/1/r/week/2026/11/23');
  await calendar.locator('[data-fixture-event="yamada"]').click();
  const frame = calendar.frameLocator('[data-taiwa="prep-panel"] iframe');
  await expect(frame.getByTestId('person-name')).toHaveText('山田 太郎');

  const meetings = await meetingsBetween(page, 0, 8.64e15);
  const yamada = meetings.filter((m) => m.eventId === 'yamada1on1');
  expect(yamada.map((m) => m.id)).toEqual([fromFeed]);
  const people = await callBackground<{ person: { email: string } }[]>(page, 'listPeople');
  expect(people.filter((p) => p.person.email === TARO.email)).toHaveLength(1);

  // And read again, the feed finds the record the page updated: still one.
  await page.getByTestId('feed-refresh').click();
  await expect(page.getByTestId('feed-status')).toHaveAttribute('data-state', 'ok');
  const again = await meetingsBetween(page, 0, 8.64e15);
  expect(again.filter((m) => m.eventId === 'yamada1on1')).toHaveLength(1);
});

/** What the browser does when an alarm fires or a notification is clicked (reminders.ts). */
const hooks = {
  alarms: (worker: Worker) =>
    worker.evaluate(async () =>
      (await chrome.alarms.getAll()).map((a) => ({ name: a.name, at: a.scheduledTime })),
    ),
  fire: (worker: Worker, name: string, now: number) =>
    worker.evaluate(
      ([name, now]) =>
        (
          globalThis as unknown as {
            taiwaReminders: { fire(n: string, at: number): Promise<unknown> };
          }
        ).taiwaReminders.fire(name, now),
      [name, now] as const,
    ) as Promise<{ id: string; text: string; shown: boolean } | null>,
  click: (worker: Worker, id: string) =>
    worker.evaluate(
      (id) =>
        (
          globalThis as unknown as { taiwaReminders: { click(id: string): Promise<void> } }
        ).taiwaReminders.click(id),
      id,
    ),
};

test('a reminder is set for the right time, says what waits, and opens the prep', async ({
  page,
  extension,
  extensionUrl,
  context,
}) => {
  await page.goto(extensionUrl('options.html'));
  // Aiko's history: her last 1on1 (condition 3/5) left two open items.
  await seed(page, extensionUrl, [
    {
      person: AIKO,
      meetings: [
        {
          title: '1on1 Aiko / Ben',
          plannedStart: Date.now() - 7 * DAY,
          status: 'held',
          condition: 3,
          actions: [{ text: 'Send the meetup list' }, { text: 'Draft the talk outline' }],
        },
      ],
    },
  ]);
  const start = Math.ceil((Date.now() + 40 * MIN) / MIN) * MIN;
  server.serve('/soon.ics', {
    body: buildIcs({
      events: [
        {
          uid: 'aikosoon@google.com',
          summary: '1on1 Aiko / Ben',
          start,
          end: start + 30 * MIN,
          organizer: BEN,
          attendees: [{ email: BEN }, AIKO],
        },
      ],
    }),
  });
  await connect(page, extensionUrl('options.html'), '/soon.ics');
  await expect(page.getByTestId('feed-status')).toHaveAttribute('data-state', 'ok', {
    timeout: 15_000,
  });
  const meetingId = await meetingOfEvent(page, 'aikosoon');

  // Turned on, reminders ask for notifications; headless Chromium never answers, and the
  // reminders are on all the same.
  await page.getByTestId('reminders-toggle').check();
  await expect(page.getByTestId('reminders-toggle')).toBeChecked();
  const name = `taiwa-remind:before:${meetingId}`;
  await expect
    .poll(async () => (await hooks.alarms(extension.worker)).find((a) => a.name === name)?.at, {
      timeout: 10_000,
    })
    .toBe(start - 10 * MIN);
  // The wrap-up question, after the planned end.
  const alarms = await hooks.alarms(extension.worker);
  expect(alarms.find((a) => a.name === `taiwa-remind:after:${meetingId}`)?.at).toBe(
    start + 30 * MIN + 5 * MIN,
  );

  // The clock driven to the alarm's time: what the reminder says.
  const reminder = await hooks.fire(extension.worker, name, start - 10 * MIN);
  expect(reminder?.text).toBe(
    '1on1 with Aiko Tanaka in 10 min · 2 open items · condition last time 3/5',
  );
  // Never twice for one meeting, whatever fires again.
  expect(await hooks.fire(extension.worker, name, start - 9 * MIN)).toBeNull();

  const opened = context.waitForEvent('page');
  await hooks.click(extension.worker, reminder!.id);
  const prep = await opened;
  await expect(prep).toHaveURL(new RegExp(`notebook\\.html#meeting=${meetingId}$`));
  await expect(prep.getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await expect(prep.getByText('Draft the talk outline')).toBeVisible();
});

test('a page that is not a calendar is refused in words, and nothing known is lost', async ({
  page,
  extensionUrl,
}) => {
  server.serve('/mine.ics', { body: () => week() });
  server.serve('/sign-in', {
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><html><head><title>Sign in</title></head><body>Sign in</body></html>',
  });
  await connect(page, extensionUrl('options.html'), '/mine.ics');
  const status = page.getByTestId('feed-status');
  await expect(status).toHaveAttribute('data-state', 'ok', { timeout: 15_000 });

  // Another address, a web page: refused, the feed in use stays.
  await page.getByTestId('feed-change').click();
  await page.getByTestId('feed-url').fill(`${server.url}/sign-in`);
  await page.getByTestId('feed-connect').click();
  await expect(status).toHaveAttribute('data-state', 'error');
  await expect(status).toContainText('That address could not be used: This is not a calendar');
  await expect(status).toContainText('The feed in use, and everything Taiwa knew, stay');

  // The feed in use turns into a sign-in page: read, refused, said in the popup too.
  server.serve('/mine.ics', { type: 'text/html', body: '<html><body>Sign in</body></html>' });
  await page.reload();
  await page.getByTestId('feed-refresh').click();
  await expect(status).toContainText('The calendar feed could not be read');
  await expect(status).toContainText('This is not a calendar');
  await page.goto(extensionUrl('popup.html'));
  await expect(page.getByTestId('feed-health')).toContainText('This is not a calendar');
  await expect(page.getByTestId('upcoming-row')).toHaveCount(2);
});

test.describe('in Japanese', () => {
  test.use({ language: 'ja' });

  test('a feed that is gone (404) is said in Japanese, in the settings and the popup', async ({
    page,
    extensionUrl,
  }) => {
    server.serve('/ja.ics', { body: () => week() });
    await connect(page, extensionUrl('options.html'), '/ja.ics');
    const status = page.getByTestId('feed-status');
    await expect(status).toHaveAttribute('data-state', 'ok', { timeout: 15_000 });
    await expect(status).toContainText('これから数週間の 1on1 2 件');

    server.serve('/ja.ics', { status: 404, type: 'text/plain', body: 'Not Found' });
    await page.getByTestId('feed-refresh').click();
    await expect(status).toContainText('このアドレスにカレンダーはありません（HTTP 404）');
    await page.goto(extensionUrl('popup.html'));
    await expect(page.getByTestId('feed-health')).toContainText(
      'カレンダーフィードを読み込めませんでした',
    );
    await expect(page.getByTestId('upcoming-row')).toHaveCount(2);
  });
});
