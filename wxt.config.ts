import { defineConfig } from 'wxt';

/** The only sites Taiwa reads. Everything else stays out of reach. */
const GOOGLE_ORIGINS = ['https://calendar.google.com/*', 'https://meet.google.com/*'];

/**
 * Where a user may point sync or a calendar feed later (HTTPS anywhere, plain HTTP on this machine only). These are
 * *optional*: the browser asks the user for the one origin they choose, at the moment they choose it.
 */
const SYNC_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  // Explicit imports keep boundaries greppable (who imports the database?).
  imports: false,
  // MV3 for Firefox too: it lets web_accessible_resources be limited to Google's origins.
  manifestVersion: 3,
  manifest: {
    name: '__MSG_extName__',
    short_name: 'Taiwa',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `scripting`: after an update, put the content scripts back into Google tabs already open
    // (a call in progress keeps its sidebar). It reaches only the two origins Taiwa reads.
    // `alarms`: sync runs every few minutes and retries after a pause, the calendar feed is read
    // every 15 minutes and reminders fire on time, even after the service worker stopped. `webRequest`: tells a sync failure's cause (name, certificate, connection)
    // for the sync server only; it observes, never blocks, and reaches only granted origins.
    // `unlimitedStorage` (no install warning): the browser never evicts the notes under disk
    // pressure, and a large history is not cut short by the default quota.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'webRequest'],
    // The same two origins the content scripts already run on (so no new install warning): it
    // lets the background find those tabs and script them after an update, and nothing else.
    host_permissions: GOOGLE_ORIGINS,
    // Sync servers and calendar feeds (Google's secret address is on calendar.google.com, which
    // Taiwa already reaches; Outlook's and others' are asked for one origin at a time).
    optional_host_permissions: SYNC_ORIGINS,
    // Reminders: asked for when the user turns them on, never at install.
    optional_permissions: ['notifications'],
    // Only the two pages shown inside Google's pages, and only to Google's two origins.
    // `use_dynamic_url` (Chrome): reachable only through a per-session id, so a page cannot
    // probe for Taiwa or frame its pages by the fixed extension id (set for Chrome below).
    web_accessible_resources: [
      { resources: ['prep-panel.html', 'notes-sidebar.html'], matches: GOOGLE_ORIGINS },
    ],
    // Alt+Shift+letter: free in Calendar and Meet (their own keys use Ctrl, or no modifier) and
    // not one of Chrome's (it refuses Alt+Shift+T, toolbar, and Alt+Shift+A, dialogs).
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_commands_openPopup__',
      },
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commands_toggleSidebar__',
      },
      'add-action': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commands_addAction__',
      },
    },
    browser_specific_settings: {
      gecko: {
        id: 'taiwa@taiwa.app',
        strict_min_version: '128.0',
        // Taiwa sends its developers nothing; sync goes only to a server the user runs.
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
  hooks: {
    'build:manifestGenerated'(wxt, manifest) {
      // Firefox already gives each install a random extension origin, and has no such key.
      if (wxt.config.browser === 'firefox') return;
      for (const entry of manifest.web_accessible_resources ?? []) {
        if (typeof entry === 'object') Object.assign(entry, { use_dynamic_url: true });
      }
      // Firefox's own settings: Chrome lists an unknown key as an error on its extensions page.
      delete (manifest as { browser_specific_settings?: unknown }).browser_specific_settings;
    },
  },
});
