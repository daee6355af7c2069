// The Firefox end-to-end suite (tests/firefox, node:test): builds the Firefox extension, then runs
// every tests/firefox/*.test.mjs against the system's Firefox. Without a Firefox it says so in one
// line: `npm run test:firefox` then fails; `npm test` (--if-present) goes on, except in CI, where
// `.ci/run` installs firefox-esr and a missing Firefox is an error.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFirefox } from '../tests/firefox/harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const ifPresent = process.argv.includes('--if-present');

let firefox;
try {
  firefox = findFirefox();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (!firefox) {
  console.log(
    'Firefox end-to-end tests NOT RUN: no Firefox found (apt-get install -y firefox-esr, or set TAIWA_FIREFOX).',
  );
  process.exit(ifPresent && !process.env.CI ? 0 : 1);
}

const version = spawnSync(firefox, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`Firefox for end-to-end tests: ${firefox} (${version})`);

/** Runs a command in the project, inheriting the output; stops on failure. */
function run(/** @type {string} */ command, /** @type {string[]} */ args) {
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

run(process.execPath, [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox']);
const dir = resolve(ROOT, 'tests/firefox');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => resolve(dir, name));
const started = performance.now();
run(process.execPath, [
  '--test',
  // Two Firefoxes at a time: what a 2-core CI machine carries without slowing either down.
  '--test-concurrency=2',
  '--test-reporter=spec',
  // A test that hangs fails instead of holding CI until its own time limit.
  '--test-timeout=120000',
  ...files,
]);
console.log(`Firefox suite: ${((performance.now() - started) / 1000).toFixed(1)} s`);
