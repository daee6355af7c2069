// Printed after `npm run build`: where the builds are and how to load them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** @param {string} dir */
const out = (dir) => resolve(import.meta.dirname, '..', '.output', dir);
const lines = ['', 'Taiwa is built:'];
if (existsSync(out('chrome-mv3'))) {
  lines.push(`  Chrome / Edge: ${out('chrome-mv3')}`);
  lines.push('    open chrome://extensions (edge://extensions), turn on Developer mode,');
  lines.push('    click "Load unpacked" and choose that folder.');
}
if (existsSync(out('firefox-mv3'))) {
  lines.push(`  Firefox: ${out('firefox-mv3')}`);
  lines.push('    open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…",');
  lines.push('    and choose manifest.json in that folder.');
}
lines.push('  Try it without a Google account: npm run demo', '');
console.log(lines.join('\n'));
