import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  fireReminder,
  openFromNotification,
  schedule,
  setupReminders,
} from '@/entrypoints/background/reminders';
import { readSettings, writeSettings } from '@/entrypoints/background/settings-store';
import {
  DIGEST_ALARM,
  PLAN_ALARM,
  inQuietHours,
  nextClockTime,
  planReminders,
  reminderAlarm,
  sentKey,
} from '@/utils/domain/reminders';
import { DEFAULT_REMINDERS, parseSettings, type ReminderSettings } from '@/utils/settings';
import { addAction, addMeeting, addPerson, DAY, useFreshDb } from './helpers/db';
import { useMessages } from './helpers/messages';

const MIN = 60_000;
const ON: ReminderSettings = { ...DEFAULT_REMINDERS, on: true };

describe('planning reminders', () => {
  const now = Date.UTC(2026, 11, 2, 9, 0);
  const meeting = (fields: Partial<Parameters<typeof planReminders>[0][number]> = {}) => ({
    id: 'm1',
    personId: 'p1',
    status: 'planned',
    plannedStart: now + 60 * MIN,
    plannedEnd: now + 90 * MIN,
    ...fields,
  });

  it('sets one alarm before each 1on1 and one after its planned end', () => {
    expect([...planReminders([meeting()], ON, new Set(), now)]).toEqual([
      [reminderAlarm('before', 'm1'), now + 50 * MIN],
      [reminderAlarm('after', 'm1'), now + 95 * MIN],
    ]);
    expect(
      planReminders([meeting()], { ...ON, minutesBefore: 30, wrapUp: false }, new Set(), now),
    ).toEqual(new Map([[reminderAlarm('before', 'm1'), now + 30 * MIN]]));
  });

  it('sets none when off, for a muted person, a held or cancelled 1on1, an all-day event, or one already shown', () => {
    expect(planReminders([meeting()], DEFAULT_REMINDERS, new Set(), now).size).toBe(0);
    expect(planReminders([meeting()], { ...ON, mutedPeople: ['p1'] }, new Set(), now).size).toBe(0);
    expect(planReminders([meeting({ status: 'held' })], ON, new Set(), now).size).toBe(0);
    expect(planReminders([meeting({ status: 'cancelled' })], ON, new Set(), now).size).toBe(0);
    expect(
      planReminders([meeting({ plannedEnd: now + 60 * MIN + DAY })], ON, new Set(), now).size,
    ).toBe(0);
    const shown = new Set([sentKey('before', 'm1'), sentKey('after', 'm1')]);
    expect(planReminders([meeting()], ON, shown, now).size).toBe(0);
  });

  it('fires at once a reminder whose time passed while the 1on1 is still to come', () => {
    const soon = meeting({ plannedStart: now + 4 * MIN, plannedEnd: now + 34 * MIN });
    expect(planReminders([soon], ON, new Set(), now).get(reminderAlarm('before', 'm1'))).toBe(
      now + 1_000,
    );
    // Started already: no "before"; the wrap-up still comes.
    const started = meeting({ plannedStart: now - MIN, plannedEnd: now + 29 * MIN });
    expect([...planReminders([started], ON, new Set(), now).keys()]).toEqual([
      reminderAlarm('after', 'm1'),
    ]);
  });

  it('plans the morning digest for the next time the clock shows it', () => {
    const plan = planReminders([], { ...ON, digest: true, digestAt: '08:30' }, new Set(), now);
    const at = new Date(plan.get(DIGEST_ALARM)!);
    expect([at.getHours(), at.getMinutes()]).toEqual([8, 30]);
    expect(at.getTime()).toBeGreaterThan(now);
    expect(at.getTime() - now).toBeLessThanOrEqual(DAY);
    expect(nextClockTime(new Date(2026, 0, 1, 8, 0).getTime(), '08:00')).toBe(
      new Date(2026, 0, 2, 8, 0).getTime(),
    );
  });

  it('knows quiet hours, across midnight or not', () => {
    const at = (h: number, m = 0) => new Date(2026, 0, 1, h, m).getTime();
    const night = { ...ON, quiet: true, quietFrom: '20:00', quietTo: '08:00' };
    expect([at(21), at(2), at(7, 59), at(8), at(12)].map((t) => inQuietHours(t, night))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    const lunch = { ...ON, quiet: true, quietFrom: '12:00', quietTo: '13:00' };
    expect([at(11, 59), at(12), at(12, 59), at(13)].map((t) => inQuietHours(t, lunch))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(inQuietHours(at(21), { ...night, quiet: false })).toBe(false);
  });

  it('reads settings saved before reminders existed with their defaults', () => {
    const old = { keywords: ['1on1'], includeMendan: false };
    expect(parseSettings(old).reminders).toEqual(DEFAULT_REMINDERS);
    expect(parseSettings({ reminders: { on: true } }).reminders).toEqual(ON);
  });
});

describe('reminders in the background', () => {
  useFreshDb();

  let created: { id: string; options: { title: string; message: string } }[];

  beforeEach(() => {
    useMessages('en');
    created = [];
    Object.assign(fakeBrowser.permissions, {
      onAdded: { addListener: vi.fn() },
      contains: vi.fn(async () => true),
    });
    Object.assign(fakeBrowser.notifications, {
      create: vi.fn(async (id: string, options: { title: string; message: string }) => {
        created.push({ id, options });
        return id;
      }),
      clear: vi.fn(async () => true),
    });
    setupReminders();
  });

  async function aikoSoon(startIn = 40 * MIN) {
    const aiko = await addPerson({ cadence: 'weekly' });
    const last = await addMeeting(aiko.id, {
      status: 'held',
      plannedStart: Date.now() - 7 * DAY,
      condition: 3,
    });
    await addAction(aiko.id, last.id, 'Send the meetup list');
    await addAction(aiko.id, last.id, 'Draft the talk outline');
    const start = Math.ceil((Date.now() + startIn) / MIN) * MIN;
    const next = await addMeeting(aiko.id, {
      plannedStart: start,
      plannedEnd: start + 30 * MIN,
    });
    return { aiko, next, start };
  }

  const turnOn = async (patch: Partial<ReminderSettings> = {}) =>
    writeSettings({ ...(await readSettings()), reminders: { ...ON, ...patch } });

  it('sets the alarms at the right times, and clears them when turned off', async () => {
    const { next, start } = await aikoSoon();
    await turnOn();
    await schedule();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.find((a) => a.name === reminderAlarm('before', next.id))?.scheduledTime).toBe(
      start - 10 * MIN,
    );
    expect(alarms.find((a) => a.name === reminderAlarm('after', next.id))?.scheduledTime).toBe(
      start + 35 * MIN,
    );
    expect(alarms.find((a) => a.name === PLAN_ALARM)?.periodInMinutes).toBe(30);
    await turnOn({ on: false });
    await schedule();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('says who, when, what is open and the last condition, and shows it once', async () => {
    const { next, start } = await aikoSoon();
    await turnOn();
    const reminder = await fireReminder(reminderAlarm('before', next.id), start - 10 * MIN);
    expect(reminder).toMatchObject({
      id: `taiwa:before:${next.id}`,
      title: '1on1 with Aiko Tanaka in 10 min',
      message: '2 open items · condition last time 3/5',
      text: '1on1 with Aiko Tanaka in 10 min · 2 open items · condition last time 3/5',
      shown: true,
    });
    expect(created).toHaveLength(1);
    expect(await fireReminder(reminderAlarm('before', next.id), start - 9 * MIN)).toBeNull();
    // Planned again, a shown reminder gets no new alarm.
    await schedule();
    const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name);
    expect(names).not.toContain(reminderAlarm('before', next.id));
    expect(created).toHaveLength(1);
  });

  it('waits for the new time of a 1on1 moved later since its alarm was set', async () => {
    const { next, start } = await aikoSoon();
    await turnOn();
    const { getDb } = await import('@/entrypoints/background/db/database');
    await getDb().meetings.update(next.id, {
      plannedStart: start + 60 * MIN,
      at: start + 60 * MIN,
    });
    expect(await fireReminder(reminderAlarm('before', next.id), start - 10 * MIN)).toBeNull();
    await schedule();
    const alarm = await fakeBrowser.alarms.get(reminderAlarm('before', next.id));
    expect(alarm?.scheduledTime).toBe(start + 50 * MIN);
  });

  it('asks to wrap up after the end only when no wrap-up was recorded', async () => {
    const { next, start } = await aikoSoon();
    await turnOn();
    const after = await fireReminder(reminderAlarm('after', next.id), start + 35 * MIN);
    expect(after?.title).toBe('Wrap up with Aiko Tanaka?');
    // The wrap-up marks a meeting held: then there is nothing to ask.
    const { getDb } = await import('@/entrypoints/background/db/database');
    await getDb().meetings.update(next.id, { status: 'held' });
    const again = await addMeeting(next.personId, {
      plannedStart: start + DAY,
      plannedEnd: start + DAY + 30 * MIN,
    });
    await getDb().meetings.update(again.id, { status: 'held' });
    expect(await fireReminder(reminderAlarm('after', again.id), start + DAY + 35 * MIN)).toBeNull();
  });

  it('is silent in the quiet hours and for a muted person, and never comes late', async () => {
    const { aiko, next, start } = await aikoSoon();
    await turnOn({ mutedPeople: [aiko.id] });
    expect(await fireReminder(reminderAlarm('before', next.id), start - 10 * MIN)).toBeNull();
    const quietNow = new Date(start - 10 * MIN);
    const from = `${String(quietNow.getHours()).padStart(2, '0')}:00`;
    const to = `${String((quietNow.getHours() + 1) % 24).padStart(2, '0')}:00`;
    await turnOn({ quiet: true, quietFrom: from, quietTo: to });
    expect(await fireReminder(reminderAlarm('before', next.id), start - 10 * MIN)).toBeNull();
    await turnOn();
    expect(await fireReminder(reminderAlarm('before', next.id), start - 5 * MIN)).toBeNull();
    expect(created).toEqual([]);
  });

  it('lists who is overdue in the morning digest, once a day', async () => {
    const aiko = await addPerson({ cadence: 'weekly' });
    await addMeeting(aiko.id, { status: 'held', plannedStart: Date.now() - 30 * DAY });
    await turnOn({ digest: true });
    const digest = await fireReminder(DIGEST_ALARM, Date.now());
    expect(digest).toMatchObject({ title: 'Overdue for a 1on1 (1)', message: 'Aiko Tanaka' });
    expect(await fireReminder(DIGEST_ALARM, Date.now())).toBeNull();
  });

  it('sets its alarms again when the browser starts', async () => {
    const { next } = await aikoSoon();
    await turnOn();
    await schedule();
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toContain(
        reminderAlarm('before', next.id),
      ),
    );
  });

  it('opens the meeting’s prep when clicked', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openFromNotification('taiwa:before:abc-123');
    expect(create).toHaveBeenCalledWith({
      url: expect.stringMatching(/\/notebook\.html#meeting=abc-123$/),
    });
    await openFromNotification('taiwa:digest:2026-12-02');
    expect(create).toHaveBeenLastCalledWith({ url: expect.stringMatching(/\/notebook\.html$/) });
    await openFromNotification('https://evil.example/');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('shows nothing without the notifications permission, and says so', async () => {
    const { next, start } = await aikoSoon();
    await turnOn();
    const api = fakeBrowser.notifications;
    Object.defineProperty(fakeBrowser, 'notifications', { value: undefined, configurable: true });
    try {
      const reminder = await fireReminder(reminderAlarm('before', next.id), start - 10 * MIN);
      expect(reminder?.shown).toBe(false);
    } finally {
      Object.defineProperty(fakeBrowser, 'notifications', { value: api, configurable: true });
    }
  });
});
