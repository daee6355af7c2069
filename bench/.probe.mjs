import { loadDataset } from './dataset.mjs';
const { page, close } = await loadDataset();
for (let i = 0; i < 3; i++) {
  const r = await page.evaluate(async () => {
    const t = async (f) => { const t0 = performance.now(); await f(); return Math.round(performance.now() - t0); };
    const q = {};
    for (const query of ['mi', 'migration', 'roadmap fe', 'roadmap feedback', 'キャ', 'キャリア', '設計 レビ', '設計 レビュー', '相談']) q[query] = await t(() => window.call('search', { query, limit: 20 }));
    return { popup: await t(() => window.call('getPopupView')), overview: await t(() => window.call('listPeople')), q };
  });
  console.log(JSON.stringify(r));
}
await close();
