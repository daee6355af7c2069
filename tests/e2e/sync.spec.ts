import type { Page } from '@playwright/test';
import { launchWithExtension } from '../harness/browser.mjs';
import { startCouchServer } from '../support/couch-server.mjs';
import { callBackground } from './background';
import { expect, test } from './extension';
import { seed } from './seed';

// One test at a time in this file: each runs two browser profiles, and two such tests side by
// side on a small machine pass their 30 s only by a second or two.
test.describe.configure({ mode: 'default' });

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

/**
 * Clicks "Sync now" and waits for a run that ended after the click (the status still shows the
 * last one until then), then for the device to be synced.
 */
async function syncNow(page: Page) {
  const status = page.getByTestId('sync-status');
  const before = Number(await status.getAttribute('data-last-sync'));
  const clickedAt = Date.now();
  await page.getByTestId('sync-now').click();
  await expect
    .poll(async () => Number(await status.getAttribute('data-last-sync')), { timeout: 15_000 })
    .toBeGreaterThan(Math.max(before, clickedAt - 1));
  await expectSynced(page);
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

  const [haruka] = await seed(page, extensionUrl, [
    {
      person: { email: 'haruka@example.com', name: 'Haruka Sato' },
      meetings: [{ title: '1on1 Haruka', shared: '来期は登壇に挑戦したい。Wants a mentor.' }],
    },
  ]);
  const meeting = haruka!.meetings[0]!;
  await syncNow(page);
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
    await syncNow(other);
    await syncNow(page);
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

test('a newly joined device that is served a rolled-back record refuses and reports it once it has seen the newer version', async ({
  page,
  extensionUrl,
}) => {
  const db = `taiwa-e2e-rollback-${Date.now()}`;
  const options = extensionUrl('options.html');
  await connectFromOptions(page, options, db, 'first');
  await page.getByTestId('sync-create-db').click();
  await expectSynced(page);

  // Laptop: a private note, synced; then rewritten, synced again.
  const [haruka] = await seed(page, extensionUrl, [
    {
      person: { email: 'haruka@example.com', name: 'Haruka Sato' },
      meetings: [{ title: '1on1 Haruka', private: '異動を考えている。Thinking of leaving.' }],
    },
  ]);
  const meeting = haruka!.meetings[0]!;
  const note = { meetingId: meeting.id, kind: 'private' };
  await syncNow(page);
  type Doc = { _id: string; _rev: string };
  const backup: Doc[] = await server.rawDocs(db);
  await callBackground(page, 'saveNote', { ...note, text: '残ることにした。Decided to stay.' });
  await syncNow(page);
  const now: Doc[] = await server.rawDocs(db);
  const old = backup.find((doc) => now.some((d) => d._id === doc._id && d._rev !== doc._rev))!;
  expect(old).toBeDefined();

  // Desktop: joins and sees the newer note.
  const desktop = await launchWithExtension({});
  try {
    const other = desktop.context.pages()[0] ?? (await desktop.context.newPage());
    const otherOptions = `chrome-extension://${desktop.extensionId}/options.html`;
    await connectFromOptions(other, otherOptions, db, 'join');
    await expectSynced(other);
    const view = () => callBackground(other, 'getMeetingView', { meetingId: meeting.id });
    expect(JSON.stringify(await view())).toContain('Decided to stay.');

    // The server puts the old ciphertext back as a new revision (a restored backup).
    const current = (await server.rawDocs(db)).find((d: Doc) => d._id === old._id);
    const put = await fetch(`${server.url}/${db}/${old._id}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${btoa('taiwa:secret-pass')}`,
      },
      body: JSON.stringify({ ...old, _rev: current._rev }),
    });
    expect(put.status).toBe(201);

    // A run that began before the server's change (the join's own follow-up) may be the one that
    // ends first: the refusal is reported by the run after it, so its wait is a sync run's.
    await syncNow(other);
    await expect(other.getByTestId('sync-status')).toContainText(
      '1 records on the server were older than versions this device had already seen there',
      { timeout: 15_000 },
    );
    const after = JSON.stringify(await view());
    expect(after).toContain('Decided to stay.');
    expect(after).not.toContain('Thinking of leaving.');

    // Its newer version went back to the server: the laptop still has it, nothing older.
    await syncNow(page);
    const laptopView = JSON.stringify(
      await callBackground(page, 'getMeetingView', { meetingId: meeting.id }),
    );
    expect(laptopView).toContain('Decided to stay.');
    expect(laptopView).not.toContain('Thinking of leaving.');
  } finally {
    await desktop.context.close();
  }
});

test('two profiles add different agenda topics to one meeting before syncing: both end with both', async ({
  page,
  extensionUrl,
}) => {
  const db = `taiwa-e2e-agenda-${Date.now()}`;
  const options = extensionUrl('options.html');
  await connectFromOptions(page, options, db, 'first');
  await page.getByTestId('sync-create-db').click();
  await expectSynced(page);
  const [haruka] = await seed(page, extensionUrl, [
    { person: { email: 'haruka@example.com', name: 'Haruka Sato' }, meetings: [{ title: '1on1' }] },
  ]);
  const meeting = haruka!.meetings[0]!;
  await syncNow(page);

  const desktop = await launchWithExtension({});
  try {
    const other = desktop.context.pages()[0] ?? (await desktop.context.newPage());
    const otherOptions = `chrome-extension://${desktop.extensionId}/options.html`;
    await connectFromOptions(other, otherOptions, db, 'join');
    await expectSynced(other);

    // Each adds a topic before either has synced it (a sync follows a write by 3 seconds).
    const topic = (text: string, order: number) => ({
      meetingId: meeting.id,
      item: {
        id: crypto.randomUUID(),
        text,
        author: 'me',
        category: 'other',
        response: null,
        done: false,
        order,
        originId: null,
        createdAt: Date.now(),
      },
    });
    await Promise.all([
      callBackground(page, 'saveAgendaItem', topic('登壇の準備 / Talk prep', 1)),
      callBackground(other, 'saveAgendaItem', topic('Offsite plans', 2)),
    ]);
    await syncNow(page);
    await syncNow(other);
    await syncNow(page);

    type View = { agenda: { text: string }[] };
    const agenda = async (on: Page) =>
      (await callBackground<View>(on, 'getMeetingView', { meetingId: meeting.id })).agenda.map(
        (i) => i.text,
      );
    const both = ['登壇の準備 / Talk prep', 'Offsite plans'];
    expect(await agenda(page)).toEqual(both);
    expect(await agenda(other)).toEqual(both);
  } finally {
    await desktop.context.close();
  }
});
