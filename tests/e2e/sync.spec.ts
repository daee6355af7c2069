import type { Page } from '@playwright/test';
import { launchWithExtension } from '../harness/browser.mjs';
import { startCouchServer } from '../support/couch-server.mjs';
import { callBackground } from './background';
import { expect, test } from './extension';

type Server = Awaited<ReturnType<typeof startCouchServer>>;
let server: Server;

test.beforeAll(async () => {
  server = await startCouchServer({ users: { taiwa: 'secret-pass' } });
});
test.afterAll(async () => server.close());

const PASSPHRASE = 'correct horse battery staple';

async function connectFromOptions(
  page: Page,
  url: string,
  db: string,
  mode: 'first' | 'join',
  passphrase = PASSPHRASE,
) {
  await page.goto(url);
  await page.getByTestId('sync-url').fill(server.url);
  await page.getByTestId('sync-db').fill(db);
  await page.getByTestId('sync-user').fill('taiwa');
  await page.getByTestId('sync-password').fill('secret-pass');
  await page.getByTestId(mode === 'first' ? 'sync-mode-first' : 'sync-mode-join').check();
  await page.getByTestId('sync-passphrase').fill(passphrase);
  if (mode === 'first') await page.getByTestId('sync-passphrase-repeat').fill(passphrase);
  await page.getByTestId('sync-connect').click();
}

async function expectSynced(page: Page) {
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'ok', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-pending', '0', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('sync-status')).not.toHaveAttribute('data-last-sync', '');
}

test('two browser profiles sync a note through the server, set up in the options page', async ({
  page,
  extensionUrl,
}) => {
  const db = `taiwa-e2e-${Date.now()}`;
  const options = extensionUrl('options.html');

  // Laptop: first device. The database does not exist yet: the setup offers to create it.
  await connectFromOptions(page, options, db, 'first');
  await page.getByTestId('sync-create-db').click();
  await expect(page.getByTestId('sync-outcome')).toContainText('Connected');
  await expectSynced(page);

  const person = await callBackground<{ id: string }>(page, 'createPerson', {
    email: 'haruka@example.com',
    name: 'Haruka Sato',
  });
  const meeting = await callBackground<{ id: string }>(page, 'createMeeting', {
    personId: person.id,
    title: '1on1 Haruka',
  });
  await callBackground(page, 'saveNote', {
    meetingId: meeting.id,
    kind: 'shared',
    text: '来期は登壇に挑戦したい。Wants a mentor.',
  });
  await page.getByTestId('sync-now').click();
  await expectSynced(page);
  expect(JSON.stringify(await server.rawDocs(db))).not.toContain('登壇');

  // Desktop: another profile joins with the passphrase and gets the note.
  const desktop = await launchWithExtension({});
  try {
    const other = desktop.context.pages()[0] ?? (await desktop.context.newPage());
    const otherOptions = `chrome-extension://${desktop.extensionId}/options.html`;
    await connectFromOptions(other, otherOptions, db, 'join');
    await expect(other.getByTestId('sync-outcome')).toContainText('Connected');
    await expectSynced(other);
    await other.goto(
      `chrome-extension://${desktop.extensionId}/notebook.html#meeting=${meeting.id}`,
    );
    await expect(other.getByText('来期は登壇に挑戦したい。Wants a mentor.')).toBeVisible();

    // And back: an edit on the desktop reaches the laptop.
    await callBackground(other, 'saveNote', {
      meetingId: meeting.id,
      kind: 'shared',
      text: '来期は登壇に挑戦したい。Wants a mentor. 田中さんを紹介する。',
    });
    await other.goto(otherOptions);
    await other.getByTestId('sync-now').click();
    await expectSynced(other);
    await page.getByTestId('sync-now').click();
    await expectSynced(page);
    const view = await callBackground<{ notes: { text: string }[] }>(page, 'getMeetingView', {
      meetingId: meeting.id,
    });
    expect(JSON.stringify(view)).toContain('田中さんを紹介する。');
  } finally {
    await desktop.context.close();
  }
});

test('a wrong passphrase on joining is refused in words, and nothing is set up', async ({
  page,
  extensionUrl,
}) => {
  const db = `taiwa-e2e-wrong-${Date.now()}`;
  await connectFromOptions(page, extensionUrl('options.html'), db, 'first');
  await page.getByTestId('sync-create-db').click();
  await expectSynced(page);
  await page.getByRole('button', { name: 'Forget this device' }).click();
  await page.getByTestId('sync-forget').click();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'off');

  await connectFromOptions(page, extensionUrl('options.html'), db, 'join', 'not the passphrase');
  await expect(page.getByTestId('sync-outcome')).toContainText('does not open this data');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'off');
});
