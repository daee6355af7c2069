import { browser } from 'wxt/browser';
import type { Handler } from './serve';

/** Answers "are you there?" for every Taiwa page and content script. */
export const getStatus: Handler<'getStatus'> = () => ({
  version: browser.runtime.getManifest().version,
});
