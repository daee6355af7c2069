import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '@/entrypoints/background/db/database';
import { moveLegacySettings, setupSettings } from '@/entrypoints/background/settings-store';
import { serve } from '@/entrypoints/background/api/serve';
import { removeAllListeners } from '@/utils/messaging/protocol';
import { deliver } from './helpers/deliver';
import { addMeeting, addPerson, snapshot, useFreshDb } from './helpers/db';
import { senders } from './helpers/senders';
import { POLICY, setupApi } from '@/entrypoints/background/api/policy';

useFreshDb();

beforeEach(() => {
  setupApi();
});

const calendarEvent = {
  eventId: 'e1',
  seriesId: 's1',
  title: '1on1',
  start: 1_790_000_000_000,
  end: 1_790_001_800_000,
  meetCode: null,
  guests: [{ email: 'ben@example.com' }, { email: 'aiko@example.com', name: 'Aiko' }],
  organizerEmail: 'ben@example.com',
  selfEmail: 'ben@example.com',
};

describe('the background API', () => {
  it('works end to end through messages', async () => {
    const popup = senders.popup();
    const person = await deliver(
      'createPerson',
      { email: 'Aiko@Example.com', name: 'Aiko' },
      popup,
    );
    const meeting = await deliver('createMeeting', { personId: person.id, title: '1on1' }, popup);
    await deliver(
      'saveNote',
      { meetingId: meeting.id, kind: 'shared', text: 'キャリアの話' },
      popup,
    );
    const action = await deliver(
      'createAction',
      { personId: person.id, meetingId: meeting.id, text: 'Book a course', owner: 'me' },
      popup,
    );
    await deliver('updateAction', { id: action.id, patch: { done: true } }, senders.panelFrame());
    const hits = await deliver('search', { query: 'キャリア' }, popup);
    expect(hits.map((h) => h.meetingId)).toEqual([meeting.id]);
    const people = await deliver('listPeople', undefined, popup);
    expect(people.map((p) => p.person.email)).toEqual(['aiko@example.com']);
    const md = await deliver(
      'exportPersonMarkdown',
      { personId: person.id, includePrivate: false, lang: 'ja' },
      popup,
    );
    expect(md.text).toContain('キャリアの話');
    expect(md.fileName).toMatch(/^taiwa-Aiko-\d{4}-\d\d-\d\d\.md$/);
    const csv = await deliver('exportActionsCsv', {}, popup);
    expect(csv.text).toContain('Book a course');
  });

  it('the panel and sidebar frames in Google tabs may not delete, export or change settings', async () => {
    const person = await addPerson();
    await addMeeting(person.id);
    const before = await snapshot();
    const frames = [senders.panelFrame(), senders.sidebarFrame()];
    for (const sender of frames) {
      for (const [type, data] of [
        ['deleteAll', undefined],
        ['deletePerson', { personId: person.id }],
        ['saveSettings', { keywords: ['x'] }],
        ['getSettings', undefined],
        ['exportPersonMarkdown', { personId: person.id, includePrivate: true, lang: 'en' }],
        ['exportPersonJson', { personId: person.id }],
        ['exportActionsCsv', {}],
        ['search', { query: 'x' }],
      ] as const) {
        await expect(deliver(type, data as never, sender), type).rejects.toThrow(/Refused/);
      }
    }
    expect(await snapshot()).toEqual(before);
    // What they use still works.
    await expect(deliver('listPeople', undefined, frames[0]!)).resolves.toHaveLength(1);
  });

  it('takes calendar detections from Calendar tabs only', async () => {
    const result = await deliver('recordCalendarEvent', calendarEvent, senders.calendarTab());
    expect(result.isOneOnOne).toBe(true);
    const before = await snapshot();
    for (const sender of [senders.meetTab(), senders.popup(), senders.otherSite()]) {
      await expect(
        deliver('recordCalendarEvent', { ...calendarEvent, eventId: 'e2' }, sender),
      ).rejects.toThrow(/Refused/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('takes reads, writes, deletion and settings from extension pages only', async () => {
    const person = await addPerson();
    const before = await snapshot();
    const attempts = [
      () => deliver('listPeople', undefined, senders.calendarTab()),
      () => deliver('updatePerson', { id: person.id, patch: { name: 'x' } }, senders.meetTab()),
      () => deliver('deletePerson', { personId: person.id }, senders.calendarTab()),
      () => deliver('deleteAll', { confirm: 'delete-everything' }, senders.otherSite()),
      () => deliver('deleteAll', { confirm: 'delete-everything' }, senders.otherExtension()),
      () => deliver('saveSettings', { includeMendan: true }, senders.meetTab()),
      () =>
        deliver(
          'exportPersonMarkdown',
          { personId: person.id, includePrivate: true, lang: 'en' },
          senders.calendarTab(),
        ),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(/Refused/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses invalid payloads with a clear error, changing nothing', async () => {
    const person = await addPerson();
    const meeting = await addMeeting(person.id);
    const before = await snapshot();
    const popup = senders.popup();
    const invalid: [() => Promise<unknown>, RegExp][] = [
      [() => deliver('createPerson', { email: 'nope', name: 'x' }, popup), /email/],
      [
        () =>
          deliver(
            'updatePerson',
            { id: person.id, patch: { relationship: 'boss' as never } },
            popup,
          ),
        /relationship/,
      ],
      [
        () => deliver('updatePerson', { id: person.id, patch: { isAdmin: true } as never }, popup),
        /isAdmin/,
      ],
      [
        () => deliver('updateMeeting', { id: meeting.id, patch: { condition: 6 } }, popup),
        /condition/,
      ],
      [
        () =>
          deliver('saveNote', { meetingId: meeting.id, kind: 'public' as never, text: 'x' }, popup),
        /kind/,
      ],
      [
        () =>
          deliver(
            'saveNote',
            { meetingId: meeting.id, kind: 'shared', text: 'x'.repeat(200_001) },
            popup,
          ),
        /text/,
      ],
      [
        () => deliver('createAction', { personId: person.id, meetingId: null, text: '   ' }, popup),
        /text/,
      ],
      [() => deliver('deleteAll', { confirm: 'yes' as never }, popup), /confirm/],
      [() => deliver('deleteRecord', { table: 'people' as never, id: person.id }, popup), /table/],
      [() => deliver('getMeetingView', { meetingId: '../x' }, popup), /meetingId/],
      [() => deliver('search', { query: 'x'.repeat(201) }, popup), /query/],
      [
        () => deliver('saveSettings', { talkTargetSelfPercent: 101 }, popup),
        /talkTargetSelfPercent/,
      ],
      [() => deliver('listPeople', { all: true } as never, popup), /Invalid listPeople/],
      [
        () =>
          deliver(
            'recordCalendarEvent',
            { ...calendarEvent, guests: 'all' as never },
            senders.calendarTab(),
          ),
        /guests/,
      ],
      [
        () => deliver('updatePerson', { id: 'ghost', patch: { name: 'x' } }, popup),
        /No people record/,
      ],
    ];
    for (const [attempt, message] of invalid) await expect(attempt()).rejects.toThrow(message);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps settings valid and 面談 opt-in', async () => {
    const popup = senders.popup();
    expect((await deliver('getSettings', undefined, popup)).includeMendan).toBe(false);
    await deliver('saveSettings', { includeMendan: true }, popup);
    expect((await deliver('getSettings', undefined, popup)).includeMendan).toBe(true);
    await getDb().meta.put({ key: 'settings', value: { keywords: 'broken' } });
    expect((await deliver('getSettings', undefined, popup)).keywords).toContain('1on1');
  });

  it('keeps settings out of extension storage (content scripts can read it); Calendar asks for keywords', async () => {
    const popup = senders.popup();
    await deliver('saveSettings', { keywords: ['Mentoring with Aiko'] }, popup);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await deliver('getTitleKeywords', undefined, senders.calendarTab())).toEqual([
      'Mentoring with Aiko',
    ]);
    for (const sender of [senders.meetTab(), senders.panelFrame()]) {
      await expect(deliver('getTitleKeywords', undefined, sender)).rejects.toThrow(/Refused/);
    }
  });

  it('sends new keywords to the open Calendar tabs (no polling there)', async () => {
    setupSettings();
    const heard: unknown[] = [];
    fakeBrowser.tabs.query = (async (query: { url?: string }) =>
      query.url === 'https://calendar.google.com/*' ? [{ id: 3 }] : []) as never;
    fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown, options: unknown) => {
      heard.push({ tabId, message, options });
    }) as never;
    await deliver('saveSettings', { keywords: ['Mentoring'] }, senders.popup());
    await vi.waitFor(() =>
      expect(heard).toEqual([
        {
          tabId: 3,
          message: expect.objectContaining({ type: 'titleKeywords', data: ['Mentoring'] }),
          options: { frameId: 0 },
        },
      ]),
    );
  });

  it('moves settings an older version kept in extension storage into the database', async () => {
    await fakeBrowser.storage.local.set({
      settings: { keywords: ['週次面談'], includeMendan: true },
    });
    await moveLegacySettings();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    const settings = await deliver('getSettings', undefined, senders.popup());
    expect(settings).toMatchObject({ keywords: ['週次面談'], includeMendan: true });
  });

  it('deletes one person through a message', async () => {
    const person = await addPerson();
    await deliver('deletePerson', { personId: person.id }, senders.popup());
    expect((await getDb().people.get(person.id))?.deleted).toBe(1);
  });
});

describe('a full disk', () => {
  it('is said in words, never swallowed, and the error travels to the page', async () => {
    removeAllListeners();
    fakeBrowser.i18n.getMessage = ((name: string) => `message:${name}`) as never;
    const full = () => {
      throw Object.assign(new Error('Dexie: QuotaExceededError'), {
        name: 'AbortError',
        inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      });
    };
    serve({ ...POLICY, getSettings: { ...POLICY.getSettings, run: full } });
    const error = await deliver('getSettings', undefined, senders.popup()).catch((e: Error) => e);
    expect(String(error)).toBe('Error: message:errors_quota');
    expect(String(error)).not.toContain('QuotaExceededError');
  });
});
