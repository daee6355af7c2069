import { loadDataset } from './dataset.mjs';
const { context, extensionId, page, close } = await loadDataset();
const people = await page.evaluate(() => window.call('listPeople'));
const id = people[5].person.id;
for (let i = 0; i < 4; i++) {
  const r = await page.evaluate(async (personId) => {
    const t = (async (f) => { const t0 = performance.now(); await f(); return (performance.now() - t0).toFixed(1); });
    return {
      timeline: await t(() => window.call('getPersonTimeline', { personId })),
      popup: await t(() => window.call('getPopupView')),
      settings: await t(() => window.call('getSettings')),
      mine: await t(() => window.call('listOpenActions', { owner: 'me' })),
    };
  }, id);
  console.log(JSON.stringify(r));
}
const nb = await context.newPage();
await nb.goto(`chrome-extension://${extensionId}/notebook.html#person=${id}`);
await nb.waitForTimeout(3000);
console.log(await nb.evaluate(() => JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime.toFixed(0)]))));
console.log(await nb.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation').map((n) => [n.domInteractive.toFixed(0), n.loadEventEnd.toFixed(0)]))));
await close();
