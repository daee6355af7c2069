import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deliver } from './helpers/deliver';
import { senders } from './helpers/senders';
import { setupApi } from '@/entrypoints/background/api/policy';

describe('getStatus', () => {
  it("answers Taiwa's pages and content scripts with the running version", async () => {
    fakeBrowser.runtime.getManifest = () => ({
      manifest_version: 3,
      name: 'Taiwa',
      version: '1.2.3',
    });
    setupApi();
    for (const sender of [senders.popup(), senders.meetTab()]) {
      await expect(deliver('getStatus', undefined, sender)).resolves.toEqual({ version: '1.2.3' });
    }
    // The frames in Google's tabs do not ask it: they get only the messages they use.
    await expect(deliver('getStatus', undefined, senders.panelFrame())).rejects.toThrow(/Refused/);
  });

  it('refuses other sites and other extensions', async () => {
    setupApi();
    await expect(deliver('getStatus', undefined, senders.otherSite())).rejects.toThrow(/Refused/);
    await expect(deliver('getStatus', undefined, senders.otherExtension())).rejects.toThrow(
      /Refused/,
    );
  });
});
