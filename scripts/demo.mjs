// `npm run demo`: Chromium with the built extension and the bundled demo pages served at
// Google's real URLs, so anyone can try Taiwa without a Google account. Nothing leaves the
// machine: every other outside request is refused.
import { resolve } from 'node:path';
import {
  launchWithExtension,
  CHROME_BUILD,
  serveGoogleFixtures,
} from '../tests/harness/browser.mjs';
import { startCouchServer } from '../tests/support/couch-server.mjs';
import { seedDemoHistory } from './demo-data.mjs';

const CALENDAR = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';
const MEET = 'https://meet.google.com/abc-defg-hij';
const hasDisplay =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const { context, extensionId } = await launchWithExtension({ headless: !hasDisplay });
await serveGoogleFixtures(context);
await seedDemoHistory(context, extensionId);

const calendar = context.pages()[0] ?? (await context.newPage());
await calendar.goto(CALENDAR);
await calendar.locator('[data-fixture-event="aiko"]').click();
// The call: the lobby first, then "Join now", with the two speakers taking turns (the member
// talks most), so the talk-time meter has something to measure.
const meet = await context.newPage();
await meet.goto(`${MEET}?phase=lobby`);
await meet.waitForTimeout(1500);
await meet.evaluate(() => {
  const fx = /** @type {any} */ (window).fx;
  fx.setPhase('call');
  const turns = [];
  for (let i = 0; i < 40; i++) turns.push({ who: 'other', ms: 8000 }, { who: 'self', ms: 2500 });
  void fx.play(turns);
});

if (hasDisplay) {
  // A throwaway CouchDB-compatible server on this machine (in memory), to try sync with.
  const sync = await startCouchServer({ users: { demo: 'demo-password' } });
  console.log(`Taiwa demo running (extension id ${extensionId}).`);
  console.log(`  Calendar: ${CALENDAR} (click an event)`);
  console.log(`  Meet:     ${MEET}`);
  console.log(`  Sync (settings page): server ${sync.url}, user "demo", password "demo-password"`);
  console.log('Close the browser window to end the demo.');
  await calendar.bringToFront();
  await new Promise((done) => context.on('close', done));
  await sync.close();
} else {
  // No screen to show a window on: prove the demo works and leave pictures of it instead.
  await calendar.locator('[data-taiwa="prep-panel"]').waitFor();
  await meet
    .frameLocator('[data-taiwa="notes-sidebar"] iframe')
    .getByTestId('person-name')
    .waitFor();
  await meet.waitForTimeout(12_000);
  const shots = {
    calendar: resolve(CHROME_BUILD, '..', 'demo-calendar.png'),
    meet: resolve(CHROME_BUILD, '..', 'demo-meet.png'),
  };
  await calendar.screenshot({ path: shots.calendar });
  await meet.screenshot({ path: shots.meet });
  await context.close();
  console.log('No display found (DISPLAY and WAYLAND_DISPLAY are unset), so no browser window');
  console.log('can open here. The demo ran headless instead; see what it showed:');
  console.log(`  ${shots.calendar}\n  ${shots.meet}`);
  console.log('On a desktop, run "npm run demo" again, or use: xvfb-run npm run demo');
}
