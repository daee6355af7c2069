// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Logger } from 'wxt';

/**
 * The manifests `wxt build` writes for each browser, built here into a temporary folder: what
 * `npm run zip` packs for addons.mozilla.org and the Chrome Web Store.
 */
type Manifest = {
  version: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  background: { service_worker?: string; scripts?: string[]; type?: string };
  web_accessible_resources: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  browser_specific_settings?: unknown;
};
let outDir: string;
const manifests = {} as Record<'chrome' | 'firefox', Manifest>;

const quiet: Logger = {
  debug() {},
  log() {},
  info() {},
  success() {},
  warn: console.warn,
  error: console.error,
  fatal: console.error,
  level: 0,
};

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'taiwa-manifest-'));
  for (const browser of ['chrome', 'firefox'] as const) {
    await build({ browser, outDir, logger: quiet });
    const file = join(outDir, `${browser}-mv3`, 'manifest.json');
    manifests[browser] = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  }
}, 60_000);
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('the Firefox manifest (addons.mozilla.org)', () => {
  it('names the add-on and its oldest Firefox, and declares that no data is collected', () => {
    expect(manifests.firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'taiwa@taiwa.app',
        // optional_host_permissions (sync) and Intl.Segmenter (search) are there from 128 on.
        strict_min_version: '128.0',
        // What AMO asks every new add-on to declare (read by Firefox 140+, ignored before).
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it('runs the background as an event page, and has no per-session frame addresses', () => {
    expect(manifests.firefox.background).toEqual({ type: 'module', scripts: ['background.js'] });
    // Firefox has no use_dynamic_url (each install already has a random extension origin).
    for (const entry of manifests.firefox.web_accessible_resources) {
      expect(entry).not.toHaveProperty('use_dynamic_url');
    }
  });

  it('asks for sync servers by host, with no port (Firefox refuses a port in a pattern)', () => {
    for (const pattern of manifests.firefox.optional_host_permissions) {
      expect(pattern).toMatch(/^https?:\/\/[^/:]+\/\*$/);
    }
  });
});

describe('the Chrome manifest (Chrome Web Store)', () => {
  it('has a service worker, per-session frame addresses, and no Firefox-only keys', () => {
    expect(manifests.chrome.background).toEqual({
      service_worker: 'background.js',
      type: 'module',
    });
    for (const entry of manifests.chrome.web_accessible_resources) {
      expect(entry.use_dynamic_url).toBe(true);
    }
    // Chrome warns of a key it does not know on its extensions page.
    expect(manifests.chrome).not.toHaveProperty('browser_specific_settings');
  });
});

describe('both stores', () => {
  it('get the same version, permissions and reach', () => {
    const reach = (m: Manifest) => ({
      version: m.version,
      permissions: m.permissions,
      host_permissions: m.host_permissions,
      optional_host_permissions: m.optional_host_permissions,
      resources: m.web_accessible_resources.map(({ resources, matches }) => ({
        resources,
        matches,
      })),
    });
    expect(reach(manifests.firefox)).toEqual(reach(manifests.chrome));
  });
});
