import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import {
  PLAN_AHEAD_MS,
  PLAN_ALARM,
  REMINDER_PREFIX,
  dayKey,
  inQuietHours,
  parseReminderAlarm,
  planReminders,
  sentKey,
  type ReminderKind,
} from '@/utils/domain/reminders';
import type { ReminderSettings } from '@/utils/settings';
import { getDb, type TaiwaDb } from './db/database';
import { META_KEYS } from './db/meta-keys';
import { peopleOverview } from './db/queries';
import { onLocalWrite } from './db/write';
import { onFeedRecorded } from './feed/runner';
import { onSettingsChanged, readSettings } from './settings-store';

/** Reminders shown, by kind and meeting (or day), with when: none is shown twice. */
const SENT = `${META_KEYS.remindersPrefix}sent`;
/** Shown reminders are remembered this long (longer than any reminder can come late). */
const SENT_KEPT_MS = 3 * 86_400_000;
const PLAN_PERIOD_MINUTES = 30;
/** A local write (a meeting moved, a wrap-up recorded) plans reminders again after a pause. */
const AFTER_WRITE_MS = 5_000;

/** What a reminder says, and where clicking it goes. */
export interface Reminder {
  /** The notification's id: `taiwa:<kind>:<meeting id or day>`. */
  id: string;
  title: string;
  message: string;
  /** Title and details in one line, as the issue words it. */
  text: string;
  /** Whether the browser showed it (it cannot without the `notifications` permission). */
  shown: boolean;
}

type Notifications = typeof browser.notifications | undefined;
/** The notifications API exists only once the user allowed it (an optional permission). */
const notificationsApi = () =>
  (browser as unknown as { notifications?: Notifications }).notifications;

/**
 * Local reminders (optional, off by default): N minutes before a 1on1, "Wrap up with …?" after
 * its planned end when no wrap-up was recorded, and a morning digest of who is overdue. They are
 * alarms, planned again whenever meetings or settings change, every half hour, and when the
 * browser starts; each reminder is remembered once shown, so a meeting never gets two.
 */
export function setupReminders(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PLAN_ALARM) void schedule();
    else if (parseReminderAlarm(alarm.name)) void fireReminder(alarm.name, Date.now());
  });
  listenForClicks();
  browser.permissions.onAdded.addListener((granted) => {
    if (granted.permissions?.includes('notifications')) listenForClicks();
  });
  browser.runtime.onStartup.addListener(() => void schedule());
  browser.runtime.onInstalled.addListener(() => void schedule());
  onSettingsChanged(() => void schedule());
  onFeedRecorded(() => void schedule());
  let timer: ReturnType<typeof setTimeout> | undefined;
  onLocalWrite(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void schedule(), AFTER_WRITE_MS);
  });
  // What the browser would do (fire an alarm, click a notification), for the end-to-end test:
  // headless Chromium never grants `notifications`, and its alarms keep the wall clock (the test
  // fires an alarm "at" its scheduled time). Only code running in this service worker can see
  // it; no page can.
  (globalThis as { taiwaReminders?: unknown }).taiwaReminders = {
    fire: (name: string, at = Date.now()) => fireReminder(name, at),
    click: openFromNotification,
    plan: schedule,
  };
}

let clicksHeard = false;

function listenForClicks(): void {
  const api = notificationsApi();
  if (clicksHeard || !api?.onClicked) return;
  api.onClicked.addListener((id: string) => void openFromNotification(id));
  clicksHeard = true;
}

let planning: Promise<void> = Promise.resolve();

/** Sets the alarms reminders need now and clears the others (one plan at a time). */
export function schedule(): Promise<void> {
  planning = planning
    .then(() => plan(Date.now()))
    // Planned again at the next change or the half-hourly alarm; the reason is not the user's.
    .catch((error: unknown) =>
      console.warn('Taiwa could not plan reminders:', (error as Error)?.name ?? 'error'),
    );
  return planning;
}

async function plan(now: number): Promise<void> {
  const db = getDb();
  const settings = (await readSettings()).reminders;
  const meetings = settings.on
    ? (
        await db.meetings
          .where('at')
          .between(now - 13 * 3_600_000, now + PLAN_AHEAD_MS)
          .toArray()
      ).filter((m) => !m.deleted)
    : [];
  const sent = await readSent(db, now);
  const wanted = planReminders(meetings, settings, new Set(Object.keys(sent)), now);
  const existing = (await browser.alarms.getAll()).filter(
    (a) => a.name.startsWith(REMINDER_PREFIX) && a.name !== PLAN_ALARM,
  );
  for (const alarm of existing) {
    const when = wanted.get(alarm.name);
    if (when === undefined) await browser.alarms.clear(alarm.name);
    // Unchanged (an alarm already due stays as it is: it is about to fire).
    else if (Math.abs(alarm.scheduledTime - when) < 30_000 || when <= now + 1_000) {
      wanted.delete(alarm.name);
    }
  }
  for (const [name, when] of wanted) await browser.alarms.create(name, { when });
  const planAlarm = await browser.alarms.get(PLAN_ALARM);
  if (settings.on && !planAlarm) {
    await browser.alarms.create(PLAN_ALARM, { periodInMinutes: PLAN_PERIOD_MINUTES });
  } else if (!settings.on && planAlarm) {
    await browser.alarms.clear(PLAN_ALARM);
  }
}

async function readSent(db: TaiwaDb, now: number): Promise<Record<string, number>> {
  const sent = ((await db.meta.get(SENT))?.value as Record<string, number>) ?? {};
  return Object.fromEntries(Object.entries(sent).filter(([, at]) => at > now - SENT_KEPT_MS));
}

/** Takes the right to show a reminder: false when it was shown (or taken) already. */
async function claim(key: string, now: number): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.meta, async () => {
    const sent = await readSent(db, now);
    if (sent[key]) return false;
    await db.meta.put({ key: SENT, value: { ...sent, [key]: now } });
    return true;
  });
}

/**
 * Shows the reminder an alarm stands for, once: what it says is read now (the meeting may have
 * moved, been held or cancelled since the alarm was set). In the quiet hours, or for a muted
 * person, nothing is shown, and the reminder is used up all the same: it never comes late.
 */
export async function fireReminder(name: string, now: number): Promise<Reminder | null> {
  const which = parseReminderAlarm(name);
  if (!which) return null;
  const settings = (await readSettings()).reminders;
  if (!settings.on) return null;
  const content =
    which.kind === 'digest'
      ? await digest(settings, now)
      : await aboutMeeting(which.kind, which.meetingId, settings, now);
  if (which.kind === 'digest') void schedule();
  if (!content || !(await claim(content.key, now))) return null;
  if (inQuietHours(now, settings)) return null;
  return show(content);
}

interface Content {
  key: string;
  id: string;
  title: string;
  details: string[];
  fallback: string;
}

async function aboutMeeting(
  kind: ReminderKind,
  meetingId: string,
  settings: ReminderSettings,
  now: number,
): Promise<Content | null> {
  const db = getDb();
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || meeting.deleted || meeting.status !== 'planned') return null;
  if (settings.mutedPeople.includes(meeting.personId)) return null;
  const person = await db.people.get(meeting.personId);
  if (!person || person.deleted) return null;
  const name = person.name || person.email;
  const base = { key: sentKey(kind, meeting.id), id: `taiwa:${kind}:${meeting.id}` };
  if (kind === 'after') {
    // Wrapped up means held: the wrap-up marks it so.
    if (meeting.plannedEnd === null || meeting.plannedEnd > now) return null;
    return {
      ...base,
      title: i18n.t('reminders.wrapUp', [name]),
      details: [],
      fallback: i18n.t('reminders.wrapUpHint'),
    };
  }
  if (meeting.plannedStart === null || meeting.plannedStart <= now - 60_000) return null;
  // Moved later since its alarm was set: the alarm is set again, for its new time.
  if (meeting.plannedStart - now > (settings.minutesBefore + 2) * 60_000) {
    void schedule();
    return null;
  }
  const stats = await db.personStats.get(meeting.personId);
  const open = stats?.openActions ?? 0;
  const condition = stats?.held[0]?.condition ?? null;
  const minutes = Math.max(0, Math.round((meeting.plannedStart - now) / 60_000));
  return {
    ...base,
    title:
      minutes > 0
        ? i18n.t('reminders.before', [name, String(minutes)])
        : i18n.t('reminders.now', [name]),
    details: [
      ...(open === 1 ? [i18n.t('reminders.openItem')] : []),
      ...(open > 1 ? [i18n.t('reminders.openItems', [String(open)])] : []),
      ...(condition !== null ? [i18n.t('reminders.condition', [String(condition)])] : []),
    ],
    fallback: i18n.t('reminders.openPrep'),
  };
}

async function digest(settings: ReminderSettings, now: number): Promise<Content | null> {
  const muted = new Set(settings.mutedPeople);
  const overdue = (await peopleOverview(getDb(), now)).filter(
    (o) => !o.person.archived && o.cadence === 'overdue' && !muted.has(o.person.id),
  );
  if (!overdue.length) return null;
  const day = dayKey(now);
  return {
    key: sentKey('digest', day),
    id: `taiwa:digest:${day}`,
    title: i18n.t('reminders.digest', [String(overdue.length)]),
    details: [],
    fallback: overdue
      .map((o) => o.person.name || o.person.email)
      .sort((a, b) => a.localeCompare(b))
      .join(', '),
  };
}

async function show(content: Content): Promise<Reminder> {
  const message = content.details.join(' · ') || content.fallback;
  const reminder: Reminder = {
    id: content.id,
    title: content.title,
    message,
    text: [content.title, ...content.details].join(' · '),
    shown: false,
  };
  const api = notificationsApi();
  if (!api?.create) return reminder;
  try {
    await api.create(content.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: content.title,
      message,
      priority: 1,
    });
    return { ...reminder, shown: true };
  } catch {
    return reminder;
  }
}

/** A reminder clicked: the meeting's prep (its page in the notebook), or the people overview. */
export async function openFromNotification(id: string): Promise<void> {
  const [, kind, target = ''] = /^taiwa:(before|after|digest):([\w-]{1,64})$/.exec(id) ?? [];
  if (!kind) return;
  const hash = kind === 'digest' ? '' : `#meeting=${encodeURIComponent(target)}`;
  await browser.tabs.create({ url: browser.runtime.getURL(`/notebook.html${hash}`) });
  await notificationsApi()?.clear(id);
}
