import { defineBackground } from 'wxt/utils/define-background';
import { setupStatus } from './status';

/**
 * The service worker can be stopped after 30 s idle and restarted by any event, so every listener
 * is registered synchronously here, one concern per `setupX()`, and no state lives in globals.
 */
export default defineBackground({
  type: 'module',
  main() {
    setupStatus();
  },
});
