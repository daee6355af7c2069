import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from '@playwright/test';
import { callBackground, meetingOfEvent } from './background';
import type { Inputs } from '../../utils/messaging/inputs';
import { expect, test } from './extension';
import { seed, type SeedMeeting } from './seed';

const WEEK = 'https://calendar.google.com/calendar/u/1/r/week/2026/11/23';
const EVENT = 'aiko1on1_20261124T010000Z';
const CALL = 'https://meet.google.com/abc-defg-hij';
const panel = (page: Page) => page.frameLocator('[data-taiwa="prep-panel"] iframe');
const sidebar = (page: Page) => page.frameLocator('[data-taiwa="notes-sidebar"] iframe');

/** What the clipboard holds now, both flavours, read from an extension page. */
async function readClipboard(page: Page, extensionUrl: (path: string) => string) {
  const reader = await page.context().newPage();
  await reader.goto(extensionUrl('popup.html'));
  await reader.bringToFront();
  const read = await reader.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const flavour = async (type: string) =>
      item?.types.includes(type) ? (await item.getType(type)).text() : null;
    return { text: await flavour('text/plain'), html: await flavour('text/html') };
  });
  await reader.close();
  return read;
}

/**
 * Lets the test read the clipboard back (Chromium grants no permission to an extension origin
 * by name: "opaque origin"). Writing needs nothing but the user's click in the frame.
 */
async function allowClipboardReading(page: Page) {
  await page.context().grantPermissions(['clipboard-read']);
}

/** Aiko (with `fields` and `meetings`), written from the popup. */
async function seedAiko(
  page: Page,
  extensionUrl: (path: string) => string,
  fields: Partial<Inputs['createPerson']>,
  meetings: SeedMeeting[] = [],
) {
  await page.goto(extensionUrl('popup.html'));
  const [aiko] = await seed(page, extensionUrl, [
    {
      person: {
        email: 'aiko.tanaka@example.com',
        name: 'Aiko Tanaka',
        cadence: 'weekly',
        ...fields,
      },
      meetings,
    },
  ]);
  return aiko!;
}

/** Opens Aiko's 1on1 in the calendar; the panel shows her prep. */
async function openPrep(page: Page) {
  await page.goto(WEEK);
  await page.locator('[data-fixture-event="aiko"]').click();
  const frame = panel(page);
  await expect(frame.getByTestId('person-name')).toHaveText('Aiko Tanaka');
  return frame;
}

async function addTopic(frame: FrameLocator, text: string) {
  await frame.getByTestId('agenda-input').fill(text);
  await frame.getByTestId('agenda-input').press('Enter');
  await expect(frame.getByTestId('agenda-list').locator('input.grow').last()).toHaveValue(text);
}

test('the agenda sent from the prep panel holds the topics and never the private memo', async ({
  page,
  extensionUrl,
}) => {
  await allowClipboardReading(page);
  await seedAiko(page, extensionUrl, { relationship: 'report' });
  const frame = await openPrep(page);
  await addTopic(frame, 'Conference talk proposal');
  await frame
    .getByTestId('agenda-list')
    .getByRole('combobox', { name: 'Wanted response: Conference talk proposal' })
    .selectOption('advice');
  await frame.getByTestId('notes-private').fill('PRIVATE: worried about burnout');
  const control = await extraPage(page, extensionUrl);
  const meetingId = (await meetingOfEvent(control, EVENT))!;
  await expectNotes(control, meetingId, { private: 'PRIVATE: worried about burnout' });

  await frame.getByTestId('share-agenda').click();
  const preview = frame.getByTestId('share-preview');
  await expect(preview).toContainText('1. Conference talk proposal (wanted: advice)');
  await expect(preview).not.toContainText('PRIVATE');
  // Email is preselected for a person with an address; the draft goes to them.
  await expect(frame.getByTestId('share-via-email')).toBeChecked();
  const mail = await frame.getByTestId('share-mail').getAttribute('href');
  expect(mail).toMatch(/^mailto:aiko\.tanaka@example\.com\?subject=/);
  expect(decodeURIComponent(mail!)).toContain('Conference talk proposal (wanted: advice)');
  expect(decodeURIComponent(mail!)).not.toContain('PRIVATE');

  // The user's click lands in a focused tab (the test opened other pages meanwhile).
  await page.bringToFront();
  await frame.getByTestId('share-copy').click();
  await expect(frame.getByTestId('share-status')).toHaveText(/^Copied with its formatting/);
  const copied = await readClipboard(page, extensionUrl);
  expect(copied.text).toBe(await preview.textContent());
  expect(copied.text).toContain('Your topics\n1. Conference talk proposal (wanted: advice)');
  expect(copied.html).toContain('<li>Conference talk proposal (wanted: advice)</li>');
  expect(`${copied.text}${copied.html}`).not.toContain('PRIVATE');
  await expect(frame.getByTestId('share-sent')).toContainText('Agenda sent');

  // Chat is remembered for Aiko and preselected next time.
  await frame.getByTestId('share-via-chat').check();
  await expect
    .poll(async () => {
      const people = await callBackground<{ person: { shareVia: string } }[]>(
        await extraPage(page, extensionUrl),
        'listPeople',
      );
      return people[0]?.person.shareVia;
    })
    .toBe('chat');
  await frame.getByTestId('share-agenda').click();
  await frame.getByTestId('share-agenda').click();
  await expect(frame.getByTestId('share-via-chat')).toBeChecked();
});

/** Waits until the background holds these note texts (saved, not only typed). */
async function expectNotes(
  control: Page,
  meetingId: string,
  texts: { shared?: string; private?: string },
) {
  await expect
    .poll(async () => {
      const view = await callBackground<{
        shared: { text: string } | null;
        private: { text: string } | null;
      }>(control, 'getMeetingView', { meetingId });
      return {
        ...(texts.shared !== undefined ? { shared: view.shared?.text } : {}),
        ...(texts.private !== undefined ? { private: view.private?.text } : {}),
      };
    })
    .toEqual(texts);
}

async function extraPage(page: Page, extensionUrl: (path: string) => string) {
  const pages = page.context().pages();
  const open = pages.find((p) => p.url().endsWith('/popup.html'));
  if (open) return open;
  const extra = await page.context().newPage();
  await extra.goto(extensionUrl('popup.html'));
  return extra;
}

test('pasting their topics adds them first, in their order, only once confirmed', async ({
  page,
  extensionUrl,
}) => {
  await seedAiko(page, extensionUrl, { relationship: 'report' });
  const frame = await openPrep(page);
  await addTopic(frame, 'My own topic');
  // Whose a new topic is by default is the member's; this one is the user's.
  const mine = frame.getByTestId('agenda-list').getByRole('combobox', {
    name: 'Whose topic: My own topic',
  });
  await mine.selectOption('me');
  await expect(mine).toHaveValue('me');

  await frame.getByTestId('paste-topics').click();
  // Marks and a heading alone hold no topic: said plainly, nothing to confirm.
  await frame.getByTestId('paste-topics-input').fill('-\n・\nTopics:');
  await expect(frame.getByTestId('paste-topics-status')).toHaveText(/No topic found/);
  await expect(frame.getByTestId('paste-topics-confirm')).toBeDisabled();

  await frame
    .getByTestId('paste-topics-input')
    .fill(
      '明日の 1on1 で話したいこと：\n１．キャリアの相談（アドバイス）\n２．チーム異動の件\n３．Release plan (just listen)',
    );
  await expect(frame.getByTestId('paste-topics-preview').locator('li')).toHaveText([
    /キャリアの相談.*Advice/,
    'チーム異動の件',
    /Release plan.*Just listen/,
  ]);
  // Shown, not added: the agenda still holds the user's topic alone.
  await expect(frame.getByTestId('agenda-list').locator('input.grow')).toHaveValue('My own topic');
  const control = await extraPage(page, extensionUrl);
  const meetingId = (await meetingOfEvent(control, EVENT))!;
  const before = await callBackground<{ agenda: unknown[] }>(control, 'getMeetingView', {
    meetingId,
  });
  expect(before.agenda).toHaveLength(1);

  await frame.getByTestId('paste-topics-confirm').click();
  await expect(frame.getByTestId('paste-topics-status')).toHaveText(/3 topics added/);
  const rows = frame.getByTestId('agenda-list').locator('input.grow');
  await expect(rows).toHaveCount(4);
  for (const [n, text] of [
    'キャリアの相談',
    'チーム異動の件',
    'Release plan',
    'My own topic',
  ].entries()) {
    await expect(rows.nth(n)).toHaveValue(text);
  }
  await expect(
    frame.getByRole('combobox', { name: 'Wanted response: キャリアの相談' }),
  ).toHaveValue('advice');
  await expect(frame.getByRole('combobox', { name: 'Wanted response: Release plan' })).toHaveValue(
    'listen',
  );
});

test('when the person is my manager, the panel leads with what I want to talk about', async ({
  page,
  extensionUrl,
}) => {
  await seedAiko(page, extensionUrl, { relationship: 'my-manager' });
  const frame = await openPrep(page);
  const headings = await frame.locator('h2').allTextContents();
  expect(headings[0]).toBe('What I want to talk about');
  expect(headings.indexOf('What I want to talk about')).toBeLessThan(
    headings.indexOf('Open action items'),
  );
  await addTopic(frame, 'Promotion criteria');
  await frame
    .getByRole('combobox', { name: 'Wanted response: Promotion criteria' })
    .selectOption('think-together');
  await expect(frame.getByTestId('share-agenda')).toHaveText('Send agenda to my manager');
  await frame.getByTestId('share-agenda').click();
  await expect(frame.getByTestId('share-preview')).toContainText(
    'My topics\n1. Promotion criteria (wanted: think together)',
  );
});

/** Aiko, with today's 1on1 planned in the calendar with this call's Meet code. */
async function seedCall(page: Page, extensionUrl: (path: string) => string) {
  const aiko = await seedAiko(page, extensionUrl, { name: 'Aiko T.' }, [
    {
      title: '1on1 Aiko / Ben',
      plannedStart: Date.now() - 60_000,
      plannedEnd: Date.now() + 29 * 60_000,
      meetCode: 'abc-defg-hij',
    },
  ]);
  return { person: aiko.person, meeting: aiko.meetings[0]! };
}

test('the recap copied from the wrap-up holds the shared notes and action items, none of the private text', async ({
  page,
  extensionUrl,
}) => {
  await allowClipboardReading(page);
  const { person, meeting } = await seedCall(page, extensionUrl);
  await page.goto(CALL);
  const frame = sidebar(page);
  await expect(frame.getByTestId('person-name')).toHaveText('Aiko T.');
  await frame.getByTestId('notes-shared').fill('We agreed to pair on the release.');
  await frame.getByTestId('notes-private').fill('PRIVATE: she seems tired');
  await frame.getByTestId('action-input').fill('Draft the abstract');
  await frame.getByTestId('action-input-due').fill('2030-01-15');
  await frame.getByTestId('action-input').press('Enter');
  await expect(frame.getByTestId('open-actions')).toContainText('Draft the abstract');
  await expectNotes(await extraPage(page, extensionUrl), meeting.id, {
    shared: 'We agreed to pair on the release.',
    private: 'PRIVATE: she seems tired',
  });

  await page.locator('#leave').click();
  const wrap = frame.getByTestId('wrap-up');
  await expect(wrap).toBeVisible({ timeout: 5_000 });
  await wrap.getByTestId('share-recap').click();
  await wrap.getByTestId('share-via-chat').check();
  await page.bringToFront();
  await wrap.getByTestId('share-copy').click();
  await expect(wrap.getByTestId('share-status')).toHaveText(/^Copied with its formatting/);
  const copied = await readClipboard(page, extensionUrl);
  expect(copied.text).toContain('What we agreed\nWe agreed to pair on the release.');
  // The sidebar gives a new action item to the member by default: Aiko's, with its due date.
  expect(copied.text).toContain(
    'Action items\n- Draft the abstract (owner: Aiko T., due Tue, Jan 15, 2030)',
  );
  expect(copied.html).toContain('<p>We agreed to pair on the release.</p>');
  expect(`${copied.text}${copied.html}`).not.toContain('PRIVATE');
  expect(`${copied.text}${copied.html}`).not.toContain('tired');

  // The history says when the recap was sent.
  const control = await extraPage(page, extensionUrl);
  const view = await callBackground<{ meeting: { recapSentAt: number | null } }>(
    control,
    'getShareView',
    { meetingId: meeting.id },
  );
  expect(view.meeting.recapSentAt).toEqual(expect.any(Number));
  await control.goto(extensionUrl(`notebook.html#person=${person.id}`));
  await expect(control.getByTestId('share-history')).toContainText('Recap sent');
});

/** No axe violation on this page, in the light and in the dark theme. */
async function expectAxeClean(page: Page, what: string, include?: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const builder = new AxeBuilder({ page });
    const { violations } = await (include ? builder.include(include) : builder).analyze();
    expect(
      violations.map(
        (v) => `${what} ${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`,
      ),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

/** A held 1on1 of Aiko's with one of her topics and shared notes, on its page in the history. */
async function openMeetingPage(page: Page, extensionUrl: (path: string) => string) {
  const aiko = await seedAiko(page, extensionUrl, { relationship: 'report' }, [
    {
      title: '1on1',
      plannedStart: Date.now(),
      status: 'held',
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
      shared: 'Agreed.',
    },
  ]);
  const meeting = aiko.meetings[0]!;
  await page.goto(extensionUrl(`notebook.html#meeting=${meeting.id}`));
  await expect(page.getByTestId('person-name')).toHaveText('Aiko Tanaka');
}

for (const language of ['en', 'ja'] as const) {
  test.describe(`axe, in ${language}`, () => {
    test.use({ language });

    test('sending the agenda and the recap from a meeting’s page', async ({
      page,
      extensionUrl,
    }) => {
      await openMeetingPage(page, extensionUrl);
      await page.getByTestId('share-agenda').click();
      await expect(page.getByTestId('share-preview')).toContainText('Conference talk proposal');
      await page.getByTestId('share-copy').click();
      await expect(page.getByTestId('share-status')).not.toBeEmpty();
      await expectAxeClean(page, 'agenda');
      await page.getByTestId('share-recap').click();
      await page.getByTestId('share-via-in-person').check();
      await expect(page.getByTestId('share-preview')).toContainText('Agreed.');
      await expectAxeClean(page, 'recap');
    });

    test('pasting their topics on a meeting’s page', async ({ page, extensionUrl }) => {
      await openMeetingPage(page, extensionUrl);
      await page.getByTestId('paste-topics').click();
      await page.getByTestId('paste-topics-input').fill('- One\n- Two (advice)');
      await expect(page.getByTestId('paste-topics-preview').locator('li')).toHaveCount(2);
      await expectAxeClean(page, 'paste');
      await page.getByTestId('paste-topics-input').fill('Topics:');
      await expect(page.getByTestId('paste-topics-status')).not.toBeEmpty();
      await expectAxeClean(page, 'paste, nothing found');
    });

    test('the prep panel’s agenda and paste views', async ({ page, extensionUrl }) => {
      await seedAiko(page, extensionUrl, { relationship: 'my-manager' });
      await openPrep(page);
      // The same page on its own, so axe sees only Taiwa's markup (not the fixture's).
      const alone = await page.context().newPage();
      await alone.goto(extensionUrl(`prep-panel.html#${EVENT}`));
      await expect(alone.getByTestId('person-name')).toHaveText('Aiko Tanaka');
      await alone.getByTestId('share-agenda').click();
      await expect(alone.getByTestId('share-preview')).toBeVisible();
      await expectAxeClean(alone, 'panel agenda');
      await alone.getByTestId('paste-topics').click();
      await alone.getByTestId('paste-topics-input').fill('・一つ目\n・二つ目（聞いてほしい）');
      await expect(alone.getByTestId('paste-topics-preview').locator('li')).toHaveCount(2);
      await expectAxeClean(alone, 'panel paste');
    });

    test('the recap from the wrap-up beside a call', async ({ page, extensionUrl }) => {
      await seedCall(page, extensionUrl);
      await page.goto(language === 'ja' ? `${CALL}?lang=ja` : CALL);
      const frame = sidebar(page);
      await expect(frame.getByTestId('person-name')).toHaveText('Aiko T.');
      await page.locator('#leave').click();
      const wrap = frame.getByTestId('wrap-up');
      await expect(wrap).toBeVisible({ timeout: 5_000 });
      await wrap.getByTestId('share-recap').click();
      await expect(wrap.getByTestId('share-preview')).toBeVisible();
      await expectAxeClean(page, 'wrap-up recap', '[data-taiwa="notes-sidebar"]');
    });
  });
}
