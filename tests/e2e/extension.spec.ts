import { expect, test } from './extension';

test('the service worker starts and answers the pages', async ({
  extension,
  page,
  extensionUrl,
}) => {
  expect(extension.worker.url()).toBe(extensionUrl('background.js'));
  await page.goto(extensionUrl('popup.html'));
  await expect(page.getByTestId('background-status')).toHaveText(/0\.\d+\.\d+/);
  await expect(page.getByTestId('background-status')).toHaveAttribute('data-state', 'ok');
});

test('asks for no more than it needs', async ({ extension }) => {
  const manifest = await extension.worker.evaluate(() => chrome.runtime.getManifest());
  // scripting: the content scripts go back into open Google tabs after an update (reinject.ts).
  // alarms: sync's periodic runs and retries. webRequest: the cause of a failed sync request
  // (name, certificate, connection), observed only, for origins Taiwa may reach anyway.
  // unlimitedStorage (no warning): the notes are never evicted under disk pressure.
  expect(manifest.permissions).toEqual([
    'storage',
    'unlimitedStorage',
    'scripting',
    'alarms',
    'webRequest',
  ]);
  // Notifications only for reminders, asked for when the user turns them on, never at install.
  expect(manifest.optional_permissions).toEqual(['notifications']);
  const held = await extension.worker.evaluate(() => chrome.permissions.getAll());
  expect(held.permissions ?? []).not.toContain('notifications');
  // Only the two origins the content scripts run on anyway (no new install warning).
  expect(manifest.host_permissions).toEqual([
    'https://calendar.google.com/*',
    'https://meet.google.com/*',
  ]);
  expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  expect(manifest.content_scripts?.map((c) => c.matches)).toEqual([
    ['https://calendar.google.com/*'],
    ['https://meet.google.com/*'],
  ]);
  expect(manifest.web_accessible_resources).toEqual([
    {
      resources: ['prep-panel.html', 'notes-sidebar.html'],
      matches: ['https://calendar.google.com/*', 'https://meet.google.com/*'],
      // Reachable only through a per-session id, never the fixed extension id.
      use_dynamic_url: true,
    },
  ]);
  // A sync origin is only ever granted at runtime, one origin, when the user sets sync up.
  expect(manifest.optional_host_permissions).toContain('https://*/*');
  const granted = await extension.worker.evaluate(() => chrome.permissions.getAll());
  expect(granted.origins ?? []).toEqual(
    expect.not.arrayContaining([expect.stringMatching(/^https:\/\/\*/)]),
  );
});
