import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeAllListeners } from '@/utils/messaging/protocol';

// WxtVitest does not reset the fake browser between tests, and @webext-core/messaging keeps one
// handler per message type across resets (see docs/architecture.md § Development machine notes).
beforeEach(() => {
  fakeBrowser.reset();
  removeAllListeners();
});
