// Makes sure the end-to-end tests have a Chromium. On a fresh Debian/Ubuntu machine running as
// root it installs Debian's chromium; anywhere else it says what to install and stops.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NO_CHROMIUM_MESSAGE } from '../tests/harness/browser.mjs';

let found;
try {
  found = findChromium();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (!found && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("No Chromium found: installing Debian's chromium with apt-get (running as root)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  found = findChromium();
}
if (!found) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
console.log(`Chromium for end-to-end tests: ${found.source}`);
