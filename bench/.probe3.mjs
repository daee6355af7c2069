import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/harness/browser.mjs';
const { context, extensionId } = await launchWithExtension({ userDataDir: mkdtempSync(join(tmpdir(), 'p3-')) });
const page = await context.newPage();
const url = `chrome-extension://${extensionId}/popup.html`;
for (let i = 0; i < 6; i++) {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('taiwa:popup-ready').length);
  console.log(await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const r = performance.getEntriesByType('resource').map((e) => `${e.name.split('/').pop()}:${e.responseEnd.toFixed(0)}`).join(' ');
    return `resp ${n.responseEnd.toFixed(0)} interactive ${n.domInteractive.toFixed(0)} dcl ${n.domContentLoadedEventEnd.toFixed(0)} ready ${performance.getEntriesByName('taiwa:popup-ready')[0].startTime.toFixed(0)} | ${r}`;
  }));
}
await context.close();
