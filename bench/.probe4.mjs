import { loadDataset } from './dataset.mjs';
const { context, extensionId, close } = await loadDataset();
const page = await context.newPage();
await page.addInitScript(() => {
  const w = window;
  w.__t = [];
  const orig = chrome.runtime.sendMessage.bind(chrome.runtime);
  chrome.runtime.sendMessage = (msg, ...rest) => {
    const t0 = performance.now();
    const cb = rest.find((r) => typeof r === 'function');
    const type = msg?.type;
    if (cb) return orig(msg, (r) => { w.__t.push(`${type} ${t0.toFixed(0)}→${performance.now().toFixed(0)}`); cb(r); });
    return orig(msg, ...rest).then((r) => { w.__t.push(`${type} ${t0.toFixed(0)}→${performance.now().toFixed(0)}`); return r; });
  };
});
for (const path of ['popup.html', 'popup.html', 'popup.html']) {
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('taiwa:popup-ready').length);
  console.log(await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return `interactive ${n.domInteractive.toFixed(0)} dcl ${n.domContentLoadedEventEnd.toFixed(0)} ready ${performance.getEntriesByName('taiwa:popup-ready')[0].startTime.toFixed(0)} | ${window.__t.join(', ')}`;
  }));
}
await close();
