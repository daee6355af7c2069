import { defineBackground } from 'wxt/utils/define-background';
import { setupCalendarApi } from './api-calendar';
import { setupDataApi } from './api-data';
import { setupMeetApi } from './api-meet';
import { setupReadApi } from './api-read';
import { setupSettingsApi } from './api-settings';
import { setupWriteApi } from './api-write';
import { setupBackupPort } from './backup-port';
import { setupChanges } from './changes';
import { setupCommands } from './commands';
import { setupHealth } from './health';
import { setupHostLayout } from './host-layout';
import { setupNoteDrafts } from './note-drafts';
import { setupReinjection } from './reinject';
import { setupStatus } from './status';
import { setupSyncApi } from './api-sync';
import { setupSyncSchedule } from './sync-schedule';
import { setupFeedApi } from './api-feed';
import { setupReminders } from './reminders';

/**
 * The service worker can be stopped after 30 s idle and restarted by any event, so every listener
 * is registered synchronously here, one concern per `setupX()`, and no state lives in globals.
 */
export default defineBackground({
  type: 'module',
  main() {
    setupStatus();
    setupChanges();
    setupCalendarApi();
    setupMeetApi();
    setupHealth();
    setupHostLayout();
    setupReadApi();
    setupWriteApi();
    setupDataApi();
    setupSettingsApi();
    setupBackupPort();
    setupNoteDrafts();
    setupReinjection();
    setupCommands();
    setupSyncApi();
    setupSyncSchedule();
    setupFeedApi();
    setupReminders();
  },
});
