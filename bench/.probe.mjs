import { loadDataset } from './dataset.mjs';
const { context, extensionId, page, close } = await loadDataset();
const people = await page.evaluate(() => window.call('listPeople'));
const id = people[5].person.id;
for (let i = 0; i < 3; i++) {
  const r = await page.evaluate(async (personId) => {
    const t = async (f) => {
      const t0 = performance.now();
      await f();
      return (performance.now() - t0).toFixed(1);
    };
    const q = {};
    for (const query of [
      'm',
      'mi',
      'mig',
      'migr',
      'migration',
      'roadmap f',
      'roadmap feedback',
      'キ',
      'キャ',
      'キャリ',
      'キャリア',
      '設計 レ',
    ])
      q[query] = await t(() => window.call('search', { query, limit: 20 }));
    return {
      timeline: await t(() => window.call('getPersonTimeline', { personId })),
      popup: await t(() => window.call('getPopupView')),
      overview: await t(() => window.call('listPeople')),
      q,
    };
  }, id);
  console.log(JSON.stringify(r));
}
const nb = await context.newPage();
nb.on('console', (m) => console.log('console', m.text()));
await nb.goto(`chrome-extension://${extensionId}/notebook.html#person=${id}`);
await nb.waitForTimeout(4000);
console.log(
  await nb.evaluate(() =>
    JSON.stringify(
      performance.getEntriesByType('mark').map((m) => [m.name, m.startTime.toFixed(0)]),
    ),
  ),
);
console.log(
  await nb.evaluate(() =>
    JSON.stringify(
      performance
        .getEntriesByType('resource')
        .map((n) => [n.name.split('/').pop(), n.startTime.toFixed(0), n.responseEnd.toFixed(0)]),
    ),
  ),
);
await close();
