import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupApi } from '@/entrypoints/background/api/policy';
import { serveBackupPort } from '@/entrypoints/background/backup-port';
import { setupPopupSnapshot } from '@/entrypoints/background/popup-snapshot';
import { POPUP_SNAPSHOT_KEY, type PopupSnapshot } from '@/utils/messaging/popup-snapshot';
import { buildSnapshot, snapshotOf } from '@/utils/pages/snapshot';
import { languageItem } from '@/utils/settings-language';
import { deliver } from './helpers/deliver';
import { addPerson, useFreshDb } from './helpers/db';
import { senders } from './helpers/senders';

useFreshDb();

const kept = async () =>
  ((await fakeBrowser.storage.session.get(POPUP_SNAPSHOT_KEY)) as Record<string, unknown>)[
    POPUP_SNAPSHOT_KEY
  ] ?? null;

const view: PopupSnapshot = {
  lang: 'en',
  note: 'Your last view, updating…',
  tree: { t: 'main', a: { class: 'page popup' }, k: [{ t: 'h2', k: ['Aiko'] }] },
};

const notebook = () => ({
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/notebook.html`,
});

describe('the popup’s last view, kept by the background', () => {
  beforeEach(() => setupApi());

  it('closes storage.session to content scripts at start, where the browser can', () => {
    const setAccessLevel = vi.fn(() => Promise.resolve());
    (fakeBrowser.storage.session as unknown as { setAccessLevel: unknown }).setAccessLevel =
      setAccessLevel;
    setupPopupSnapshot();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    // Firefox has no setAccessLevel (and never opens storage.session to content scripts).
    delete (fakeBrowser.storage.session as unknown as { setAccessLevel?: unknown }).setAccessLevel;
    expect(() => setupPopupSnapshot()).not.toThrow();
  });

  it('is written for the popup only, and only as plain nodes of known names', async () => {
    await deliver('savePopupSnapshot', view, senders.popup());
    expect(await kept()).toEqual(view);
    for (const sender of [
      notebook(),
      senders.options(),
      senders.panelFrame(),
      senders.calendarTab(),
    ]) {
      await expect(deliver('savePopupSnapshot', view, sender)).rejects.toThrow();
    }
    const script = { ...view, tree: { t: 'script', k: ['alert(1)'] } } as never;
    await expect(deliver('savePopupSnapshot', script, senders.popup())).rejects.toThrow(/Invalid/);
    const handler = {
      ...view,
      tree: { t: 'button', a: { onclick: 'alert(1)' } },
    } as never;
    await expect(deliver('savePopupSnapshot', handler, senders.popup())).rejects.toThrow(/Invalid/);
    expect(await kept()).toEqual(view);
  });

  it('is forgotten when all data is deleted, a person is deleted, or a backup is imported', async () => {
    await deliver('savePopupSnapshot', view, senders.popup());
    await deliver('deleteAll', { confirm: 'delete-everything' }, senders.popup());
    expect(await kept()).toBeNull();

    const person = await addPerson();
    await deliver('savePopupSnapshot', view, senders.popup());
    await deliver('deletePerson', { personId: person.id }, notebook());
    expect(await kept()).toBeNull();

    await deliver('savePopupSnapshot', view, senders.popup());
    const listeners: ((m: unknown) => void)[] = [];
    const replied = new Promise<unknown>((resolve) =>
      serveBackupPort({
        postMessage: resolve,
        onMessage: { addListener: (fn: (m: unknown) => void) => listeners.push(fn) },
      } as never),
    );
    // Even a refused file: what it may have changed is not shown from before.
    listeners.forEach((fn) => fn({ type: 'import-chunk', text: '{}' }));
    listeners.forEach((fn) => fn({ type: 'import-commit', mode: 'replace' }));
    await replied;
    expect(await kept()).toBeNull();
  });

  it('is forgotten when the UI language changes', async () => {
    setupPopupSnapshot();
    await deliver('savePopupSnapshot', view, senders.popup());
    await languageItem.setValue('ja');
    await vi.waitFor(async () => expect(await kept()).toBeNull());
  });
});

describe('snapshotOf and buildSnapshot', () => {
  it('keep the look, never values, ids, handlers or other names', () => {
    const main = document.createElement('main');
    main.className = 'page popup';
    const section = document.createElement('section');
    section.id = 'upcoming';
    section.dataset.testid = 'upcoming';
    section.setAttribute('aria-labelledby', 'h');
    const button = document.createElement('button');
    button.className = 'row-button';
    button.setAttribute('onclick', 'alert(1)');
    button.textContent = '<b>Aiko</b>';
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.checked = true;
    const text = document.createElement('input');
    text.value = 'typed secret';
    text.placeholder = 'Search';
    const skipped = document.createElement('div');
    skipped.dataset.snapshot = 'skip';
    skipped.textContent = 'a search hit';
    const frame = document.createElement('iframe');
    section.append(button, input, text, skipped, frame);
    main.append(section);

    const tree = snapshotOf(main)!;
    const json = JSON.stringify(tree);
    for (const gone of [
      'upcoming',
      'testid',
      'aria-labelledby',
      'onclick',
      'typed secret',
      'a search hit',
      'iframe',
    ]) {
      expect(json).not.toContain(gone);
    }
    const built = buildSnapshot(document, tree) as HTMLElement;
    expect(built.className).toBe('page popup');
    const again = built.querySelector('button')!;
    // Text stays text.
    expect(again.textContent).toBe('<b>Aiko</b>');
    expect(again.querySelector('b')).toBeNull();
    expect(built.querySelector('input[type="checkbox"]')!.hasAttribute('checked')).toBe(true);
    expect(built.querySelector('input:not([type])')!.getAttribute('placeholder')).toBe('Search');
  });

  it('builds no name outside the lists, and no image from elsewhere', () => {
    const built = buildSnapshot(document, {
      t: 'div',
      a: { class: 'x', onclick: 'alert(1)' } as never,
      k: [
        { t: 'script', k: ['alert(1)'] } as never,
        { t: 'img', a: { src: 'https://evil.example/pixel.png' } },
        { t: 'img', a: { src: `${location.origin}/icon/48.png` } },
      ],
    }) as HTMLElement;
    expect(built.getAttribute('onclick')).toBeNull();
    expect(built.querySelector('script')).toBeNull();
    const images = built.querySelectorAll('img');
    expect(images[0]!.hasAttribute('src')).toBe(false);
    expect(images[1]!.getAttribute('src')).toBe(`${location.origin}/icon/48.png`);
  });
});
