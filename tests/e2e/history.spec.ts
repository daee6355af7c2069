import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { callBackground, meetingsBetween } from './background';
import { axeProblems } from './axe';
import { expect, test } from './extension';
import { seed, seedHistory } from './seed';

test('the popup shows what is next, who needs attention and what I promised', async ({
  page,
  extensionUrl,
}) => {
  const { next } = await seedHistory(page, extensionUrl);
  await page.goto(extensionUrl('popup.html'));
  const upcoming = page.getByTestId('upcoming-row');
  await expect(upcoming).toHaveCount(1);
  await expect(upcoming).toContainText('Aiko Tanaka');
  await expect(upcoming.getByTestId('open-count')).toHaveText('2 open');
  // Aiko's condition fell from 5 to 2; Ben was never met and nothing is planned with him.
  await expect(page.getByTestId('attention-row')).toHaveCount(2);
  await expect(page.getByTestId('attention-row').filter({ hasText: 'Aiko' })).toHaveAttribute(
    'data-reasons',
    'condition-falling',
  );
  await expect(page.getByTestId('attention-row').filter({ hasText: 'Ben' })).toHaveAttribute(
    'data-reasons',
    'never-met',
  );
  // Only my own promise, not Aiko's.
  await expect(page.getByTestId('my-actions').getByTestId('action-item')).toHaveText([
    /Send Aiko the list of meetups.*Aiko Tanaka/,
  ]);
  expect(await axeProblems(page)).toEqual([]);

  // The upcoming 1on1 opens its notes in the notebook.
  const [notebook] = await Promise.all([
    page.context().waitForEvent('page'),
    upcoming.getByRole('button').click(),
  ]);
  await expect(notebook).toHaveURL(extensionUrl(`notebook.html#meeting=${next.id}`));
  await expect(notebook.getByTestId('person-name')).toHaveText('Aiko Tanaka');
});

test('search finds a Japanese word inside a sentence and an English word, by keyboard', async ({
  page,
  extensionUrl,
}) => {
  const { held } = await seedHistory(page, extensionUrl);
  await page.goto(extensionUrl('popup.html'));
  // The search field is the first thing Tab reaches.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('登壇');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toContainText('来月の登壇に向けて');
  await page.getByTestId('search-input').fill('fridays');
  await expect(page.getByTestId('search-hit')).toHaveText([/Aiko Tanaka.*protect Fridays/]);
  await page.getByTestId('search-input').fill('nothing-like-this');
  await expect(page.getByText('Nothing found.')).toBeVisible();
  await page.getByTestId('search-input').fill('fridays');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  // The hit is next in the tab order; Enter opens its meeting.
  await page.keyboard.press('Tab');
  const [notebook] = await Promise.all([
    page.context().waitForEvent('page'),
    page.keyboard.press('Enter').catch(() => undefined),
  ]);
  await expect(notebook).toHaveURL(extensionUrl(`notebook.html#meeting=${held[2]!.id}`));
});

test('checking off an action in the popup updates an open notes sidebar within a second', async ({
  page,
  context,
  extensionUrl,
}) => {
  const { aiko } = await seedHistory(page, extensionUrl);
  await seed(page, extensionUrl, [
    {
      person: { id: aiko.id },
      meetings: [
        {
          title: '1on1 Aiko / me',
          plannedStart: Date.now() - 60_000,
          plannedEnd: Date.now() + 29 * 60_000,
          meetCode: 'abc-defg-hij',
        },
      ],
    },
  ]);
  await page.goto('https://meet.google.com/abc-defg-hij?authuser=0&phase=call');
  const sidebar = page.frameLocator('[data-taiwa="notes-sidebar"] iframe');
  const item = sidebar.getByTestId('open-actions').getByTestId('action-item');
  await expect(item.filter({ hasText: 'Send Aiko the list of meetups' })).toHaveAttribute(
    'data-done',
    'false',
  );
  const popup = await context.newPage();
  await popup.goto(extensionUrl('popup.html'));
  // Checked off by keyboard: Tab to the checkbox, Space.
  await popup.getByTestId('my-actions').getByRole('checkbox').focus();
  await popup.keyboard.press('Space');
  const checkedAt = Date.now();
  await expect(item.filter({ hasText: 'Send Aiko the list of meetups' })).toHaveCount(0, {
    timeout: 1_000,
  });
  expect(Date.now() - checkedAt).toBeLessThan(1_000);
  // Still in sight in the popup, struck through, so a slip can be undone there.
  await expect(popup.getByTestId('my-actions').getByTestId('action-item')).toHaveAttribute(
    'data-done',
    'true',
  );
});

test('what the Calendar flow records shows in the popup and the history', async ({
  page,
  extensionUrl,
}) => {
  await page.goto('https://calendar.google.com/calendar/u/1/r/week/2026/11/23');
  await page.locator('[data-fixture-event="aiko"]').click();
  const panel = page.frameLocator('[data-taiwa="prep-panel"] iframe');
  await expect(panel.getByTestId('person-name')).toHaveText('Aiko Tanaka');
  await panel.getByTestId('agenda-input').fill('Talk about the new team');
  await panel.getByTestId('agenda-input').press('Enter');
  await expect(panel.getByTestId('agenda-list').locator('input.grow')).toHaveValue(
    'Talk about the new team',
  );

  await page.goto(extensionUrl('notebook.html'));
  const row = page.getByTestId('person-row').filter({ hasText: 'Aiko Tanaka' });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: 'Aiko Tanaka' }).click();
  await expect(page).toHaveURL(/#person=/);
  // The event opened, with the topic added in the panel (the week's grid may add its siblings).
  await expect(
    page.getByTestId('timeline-meeting').filter({ hasText: 'Talk about the new team' }),
  ).toHaveCount(1);

  await page.goto(extensionUrl('popup.html'));
  await page.getByTestId('search-input').fill('new team');
  await expect(page.getByTestId('search-hit')).toHaveText([/Aiko Tanaka.*Talk about the new team/]);
});

test('a person’s history: profile, goals with re-checks, charts, actions, timeline; axe-clean', async ({
  page,
  extensionUrl,
}) => {
  const { aiko } = await seedHistory(page, extensionUrl);
  await page.goto(extensionUrl('notebook.html'));
  await expect(page.getByTestId('person-row')).toHaveCount(2);
  expect(await axeProblems(page)).toEqual([]);
  // From the people list to the person, by keyboard.
  await page.getByRole('link', { name: 'Aiko Tanaka' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(extensionUrl(`notebook.html#person=${aiko.id}`));
  await expect(page.getByTestId('person-name')).toHaveText('Aiko Tanaka');
  // The heading of the new place takes the focus, so a screen reader says where it is.
  await expect(page.getByRole('heading', { level: 2, name: 'Aiko Tanaka' })).toBeFocused();
  await expect(page.getByTestId('timeline-meeting')).toHaveCount(4);
  // The private memo is shown, marked as the private one.
  await expect(page.locator('.note-text.private')).toHaveText(/Watch for burnout signs/);
  await expect(page.getByTestId('chart-condition')).toHaveAttribute('data-points', '3');
  await expect(page.getByTestId('chart-condition').getByRole('img')).toHaveAttribute(
    'aria-label',
    /: .* 5, .* 4, .* 2$/,
  );
  await expect(page.getByTestId('chart-talk').getByRole('img')).toHaveAttribute(
    'aria-label',
    /20%/,
  );
  await expect(page.getByTestId('open-actions').getByTestId('action-item')).toHaveCount(2);
  // Done items are read when asked for.
  await page.getByTestId('show-done').click();
  await expect(page.getByText('Nothing done yet.')).toBeVisible();

  // The profile saves as typed.
  await page.getByTestId('profile-career').fill('Tech lead in two years');
  await expect
    .poll(async () => {
      const t = await callBackground<{ person: { profile: { career: string } } }>(
        page,
        'getPersonTimeline',
        { personId: aiko.id },
      );
      return t.person.profile.career;
    })
    .toBe('Tech lead in two years');

  // A goal re-checked twice keeps both checks, with the progress of each.
  const goal = page.getByTestId('goal');
  await goal.getByRole('spinbutton').fill('30');
  await goal.getByTestId('goal-recheck').click();
  await expect(goal.locator('summary')).toHaveText('Re-checked 1 times');
  await goal.getByRole('spinbutton').fill('60');
  await goal.getByTestId('goal-recheck').click();
  await expect(goal.locator('summary')).toHaveText('Re-checked 2 times');
  await goal.locator('summary').click();
  await expect(goal.getByTestId('goal-reviews').locator('li')).toHaveText([/60%/, /30%/]);

  expect(await axeProblems(page)).toEqual([]);
});

test('a long history pages in older meetings on request', async ({ page, extensionUrl }) => {
  const [chika] = await seed(page, extensionUrl, [
    {
      person: { name: 'Chika' },
      meetings: Array.from({ length: 25 }, (_, i) => ({
        plannedStart: Date.parse('2025-01-06T10:00:00Z') + i * 7 * 86_400_000,
        status: 'held' as const,
        condition: 1 + (i % 5),
      })),
    },
  ]);
  await page.goto(extensionUrl(`notebook.html#person=${chika!.person.id}`));
  await expect(page.getByTestId('timeline-meeting')).toHaveCount(20);
  await expect(page.getByTestId('chart-condition')).toHaveAttribute('data-points', '25');
  await page.getByTestId('load-older').click();
  await expect(page.getByTestId('timeline-meeting')).toHaveCount(25);
  await expect(page.getByTestId('load-older')).toHaveCount(0);
});

/** Saves a backup through the options page's button, as a user would; answers its path. */
async function saveBackup(page: Page, extensionUrl: (path: string) => string): Promise<string> {
  await page.goto(extensionUrl('options.html'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  return download.path();
}

test('people: add, edit, archive; delete removes everything of theirs; a backup brings it back', async ({
  page,
  extensionUrl,
}) => {
  const { aiko } = await seedHistory(page, extensionUrl);
  // A backup first, saved through the options page as a user would.
  const backupPath = await saveBackup(page, extensionUrl);

  await page.goto(extensionUrl('notebook.html'));
  await page.getByTestId('add-person').click();
  await page.getByTestId('person-name-input').fill('Daichi Mori');
  await page.getByTestId('person-form').getByRole('button', { name: 'Add a person' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(3);
  await page.getByRole('link', { name: 'Daichi Mori' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('person-name-input').fill('Daichi Mori (Sales)');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Daichi Mori (Sales)');
  await page.getByTestId('archive-person').click();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByTestId('person-row')).toHaveCount(2);
  await page.getByLabel(/Show archived people/).check();
  await expect(page.getByTestId('person-row').filter({ hasText: 'Daichi' })).toHaveAttribute(
    'data-archived',
    'true',
  );

  // Delete asks first; Cancel keeps everything.
  await page.getByRole('link', { name: 'Aiko Tanaka' }).click();
  await page.getByTestId('delete-person').click();
  await expect(page.getByRole('alertdialog')).toContainText('Delete Aiko Tanaka');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByTestId('delete-person').click();
  await page.getByTestId('delete-person-confirm').click();
  await expect(page).toHaveURL(extensionUrl('notebook.html#'));
  await expect(page.getByTestId('person-row').filter({ hasText: 'Aiko' })).toHaveCount(0);
  // Nothing of hers is left anywhere: meetings, notes, actions, search.
  expect(await callBackground(page, 'search', { query: 'fridays' })).toEqual([]);
  expect(await callBackground(page, 'listOpenActions', {})).toEqual([]);
  expect(await meetingsBetween(page, 0, Date.now() + 1e10)).toEqual([]);
  await expect(callBackground(page, 'getPersonTimeline', { personId: aiko.id })).rejects.toThrow();

  // Restoring the backup (merge) brings her back, notes and all; Daichi stays.
  await page.goto(extensionUrl('options.html'));
  await page.getByTestId('import-file').setInputFiles(backupPath);
  await page.getByTestId('restore').click();
  await expect(page.getByTestId('backup-outcome')).toHaveAttribute('data-state', 'done');
  await page.goto(extensionUrl('notebook.html'));
  await expect(page.getByTestId('person-row').filter({ hasText: 'Aiko Tanaka' })).toBeVisible();
  const hits = await callBackground<{ excerpt: string }[]>(page, 'search', { query: 'fridays' });
  expect(hits.map((h) => h.excerpt)).toEqual([expect.stringContaining('protect Fridays')]);
});

test('a broken backup file is refused with a reason and changes nothing', async ({
  page,
  extensionUrl,
}) => {
  await seedHistory(page, extensionUrl);
  await page.goto(extensionUrl('options.html'));
  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"format":"taiwa-backup","version":1,"exportedAt":1,"data":{"people":[{}]}}',
    ),
  });
  await page.getByTestId('restore-replace').check();
  await page.getByTestId('restore').click();
  await expect(page.getByTestId('backup-outcome')).toHaveAttribute('data-state', 'error');
  await expect(page.getByRole('alert')).toContainText('nothing was changed');
  const people = await callBackground<unknown[]>(page, 'listPeople');
  expect(people).toHaveLength(2);
});

test('a large restore shows its progress as it goes, then is found by search', async ({
  page,
  extensionUrl,
}) => {
  const { aiko } = await seedHistory(page, extensionUrl);
  const backup = JSON.parse(await readFile(await saveBackup(page, extensionUrl), 'utf8')) as {
    data: { actions: Record<string, unknown>[] };
  };
  // 5,000 more action items: written 2,000 at a time, each step shown.
  const now = Date.now();
  for (let i = 0; i < 5_000; i++) {
    backup.data.actions.push({
      id: `bulk-${i}`,
      personId: aiko.id,
      meetingId: null,
      owner: 'me',
      text: i === 4_999 ? 'bring the quarterly numbers' : `bulk item ${i}`,
      due: null,
      done: true,
      doneAt: now,
      createdAt: now - (5_000 - i) * 60_000,
      updatedAt: now,
      deleted: 0,
    });
  }
  // Every progress line the page shows is recorded as it appears.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="restore-progress"]')?.textContent;
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('import-file').setInputFiles({
    name: 'large.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup)),
  });
  await page.getByTestId('restore').click();
  // Five thousand records on a loaded two-core machine: a minute at most.
  await expect(page.getByTestId('backup-outcome')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.length).toBeGreaterThan(1);
  expect(seen.every((line) => /^Restoring: [\d,]+ of [\d,]+ records \(\d+ %\)$/.test(line))).toBe(
    true,
  );
  const hits = await callBackground<{ id: string }[]>(page, 'search', {
    query: 'quarterly numbers',
  });
  expect(hits.map((h) => h.id)).toEqual(['bulk-4999']);
});

test('the practice dashboard charts my months; axe-clean', async ({ page, extensionUrl }) => {
  await seedHistory(page, extensionUrl);
  await page.goto(extensionUrl('notebook.html#practice'));
  await expect(page.getByTestId('chart-held')).toBeVisible();
  // The three held 1on1s fall in this month and the last (three weeks back at most).
  const table = page.getByTestId('chart-held').locator('tbody tr');
  await expect(table).toHaveCount(12);
  const held = await table.evaluateAll((rows) =>
    rows.reduce((sum, r) => sum + Number(r.querySelectorAll('td')[1]?.textContent ?? 0), 0),
  );
  expect(held).toBe(3);
  await expect(page.getByTestId('chart-practice-talk').getByRole('img')).toHaveAttribute(
    'aria-label',
    /20%/,
  );
  await expect(page.getByTestId('overdue-now').locator('li')).toHaveCount(0);
  expect(await axeProblems(page)).toEqual([]);
});
