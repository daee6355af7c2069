// Renders assets/icon.svg into public/icon/<size>.png in every size the stores ask for
// (16, 32, 48 and 128 for Chrome/Edge, 96 for Firefox). Run after editing the SVG:
//   node scripts/render-icons.mjs
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { findChromium } from '../tests/harness/browser.mjs';

const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const found = findChromium();
if (!found) throw new Error('No Chromium to render the icons with.');
const browser = await chromium.launch({ ...found.launch, headless: true });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log(`Rendered ${SIZES.join(', ')} px icons into public/icon/.`);
