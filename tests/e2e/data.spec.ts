import { callBackground } from './background';
import { expect, test } from './extension';
import { seed } from './seed';

test('a write in one view reaches every other open view within a second', async ({
  context,
  page,
  extensionUrl,
}) => {
  await page.goto(extensionUrl('notebook.html'));
  await page.evaluate(() => {
    const w = window as unknown as { changes: { tables: string[]; at: number }[] };
    w.changes = [];
    const port = chrome.runtime.connect({ name: 'taiwa:changes' });
    port.onMessage.addListener((event: { tables: string[] }) =>
      w.changes.push({ ...event, at: performance.timeOrigin + performance.now() }),
    );
  });
  const other = await context.newPage();
  await other.goto(extensionUrl('popup.html'));
  const sentAt = Date.now();
  const person = await callBackground<{ id: string }>(other, 'createPerson', {
    email: 'aiko@example.com',
    name: 'Aiko',
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { changes: unknown[] }).changes.length))
    .toBeGreaterThan(0);
  const [change] = await page.evaluate(
    () => (window as unknown as { changes: { tables: string[]; at: number }[] }).changes,
  );
  expect(change!.tables).toEqual(['people']);
  expect(change!.at - sentAt).toBeLessThan(1000);
  expect(person.id).toMatch(/^[0-9a-f-]{36}$/);
});

test('the database lives in the extension and survives a service-worker restart', async ({
  page,
  extension,
  extensionUrl,
}) => {
  const [ben] = await seed(page, extensionUrl, [
    {
      person: { email: 'ben@example.com', name: 'ベン' },
      meetings: [{ title: '1on1', shared: '来期はキャリアについて相談したい' }],
    },
  ]);
  const meeting = ben!.meetings[0]!;
  // Stop the worker as Chrome does when idle; the next message starts a fresh one.
  await extension.worker.evaluate(() => ((self as unknown as { marker: number }).marker = 1));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.goto(extensionUrl('popup.html'));
  const hits = await callBackground<{ meetingId: string }[]>(page, 'search', {
    query: 'キャリア',
  });
  expect(hits.map((h) => h.meetingId)).toEqual([meeting.id]);
  const worker = extension.context.serviceWorkers().at(-1)!;
  expect(
    await worker.evaluate(() => (self as unknown as { marker?: number }).marker),
  ).toBeUndefined();
});

test('a Google page cannot reach the background, and a bad message changes nothing', async ({
  page,
  extensionUrl,
}) => {
  await page.goto('https://calendar.google.com/calendar/u/0/r/week');
  const reachable = await page.evaluate(
    () => typeof chrome !== 'undefined' && !!chrome.runtime?.sendMessage,
  );
  expect(reachable).toBe(false);

  await page.goto(extensionUrl('popup.html'));
  await expect(
    callBackground(page, 'createPerson', { email: 'not-an-email', name: 'x' }),
  ).rejects.toThrow(/Invalid createPerson request: email/);
  expect(await callBackground(page, 'listPeople')).toEqual([]);
});
