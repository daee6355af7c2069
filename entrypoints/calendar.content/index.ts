import { defineContentScript } from 'wxt/utils/define-content-script';
import { followEvent } from './follow-event';
import { createPrepPanelHost } from './prep-panel-host';
import { recordGridChips } from './record-chips';
import { watchHealth } from './watch-health';

/**
 * Google Calendar: reads the event the user opens and the 1on1 chips in the grid, shows the prep
 * panel beside the card, and reports when the page no longer looks as expected. Holds no user
 * data: everything typed lives in the panel's extension-origin iframe.
 */
export default defineContentScript({
  matches: ['https://calendar.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    followEvent(ctx, createPrepPanelHost(ctx));
    recordGridChips(ctx);
    watchHealth(ctx);
  },
});
