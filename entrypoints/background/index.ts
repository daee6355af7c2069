import { defineBackground } from 'wxt/utils/define-background';
import { setupApi } from './api/policy';
import { setupMeetTabs } from './api/meet';
import { setupBackupPort } from './backup-port';
import { setupChanges } from './changes';
import { setupCommands } from './commands';
import { setupHealth } from './health';
import { setupNoteDrafts } from './note-drafts';
import { setupPopupSnapshot } from './popup-snapshot';
import { setupReinjection } from './reinject';
import { setupSeenEvents } from './seen-events';
import { setupSettings } from './settings-store';
import { setupSyncSchedule } from './sync-schedule';
import { setupFeedSchedule } from './feed/schedule';
import { setupReminders } from './reminders';
import { setupSearchUpkeep } from './search-upkeep';

/**
 * The service worker can be stopped after 30 s idle and restarted by any event, so every listener
 * is registered synchronously here, one concern per `setupX()`, and no state lives in globals.
 */
export default defineBackground({
  type: 'module',
  main() {
    setupPopupSnapshot();
    setupApi();
    setupChanges();
    setupSettings();
    setupSeenEvents();
    setupMeetTabs();
    setupHealth();
    setupBackupPort();
    setupNoteDrafts();
    setupReinjection();
    setupCommands();
    setupSyncSchedule();
    setupFeedSchedule();
    setupReminders();
    setupSearchUpkeep();
  },
});
