import type { ReminderSettings } from '@/utils/settings';

/**
 * Reminders, as pure functions: which alarms to set for which meetings, whether a moment is in
 * the quiet hours, and what a reminder says. The background (reminders.ts) reads the data, sets
 * the alarms and shows the notifications.
 */

export const REMINDER_PREFIX = 'taiwa-remind:';
/** Every half hour, reminders are planned again (meetings synced from another device, moved…). */
export const PLAN_ALARM = `${REMINDER_PREFIX}plan`;
export const DIGEST_ALARM = `${REMINDER_PREFIX}digest`;
/** "Wrap up?" comes this long after the planned end: 1on1s run over. */
export const WRAP_UP_DELAY_MS = 5 * 60_000;
/** A wrap-up reminder missed (the browser was closed) is still worth this long after. */
const WRAP_UP_LATE_MS = 12 * 3_600_000;
/** How far ahead meetings get their alarms (planned again well before it runs out). */
export const PLAN_AHEAD_MS = 7 * 86_400_000;
/** At most this many meeting alarms at once (browsers cap an extension's alarms). */
const MAX_ALARMS = 100;
/** An event of a day or more is not a meeting one is reminded of minutes before. */
const ALL_DAY_MS = 20 * 3_600_000;

export type ReminderKind = 'before' | 'after';

export const reminderAlarm = (kind: ReminderKind, meetingId: string) =>
  `${REMINDER_PREFIX}${kind}:${meetingId}`;

/** The kind and meeting of a reminder alarm (or the digest); null for anything else. */
export function parseReminderAlarm(
  name: string,
): { kind: ReminderKind; meetingId: string } | { kind: 'digest' } | null {
  if (name === DIGEST_ALARM) return { kind: 'digest' };
  const [, kind, meetingId] = /^taiwa-remind:(before|after):([\w-]{1,64})$/.exec(name) ?? [];
  return kind && meetingId ? { kind: kind as ReminderKind, meetingId } : null;
}

/** The key under which a shown reminder is remembered: one per meeting and kind, one digest a day. */
export const sentKey = (kind: ReminderKind | 'digest', id: string) => `${kind}:${id}`;

export interface RemindableMeeting {
  id: string;
  personId: string;
  status: string;
  plannedStart: number | null;
  plannedEnd: number | null;
}

/**
 * The alarms reminders need now, by name, with when they should fire: for each planned meeting
 * of the coming week whose person is not muted, one before it starts and (if asked) one after
 * its planned end; and the next morning digest. A reminder already shown gets none: one meeting
 * never gets two reminders of a kind, whatever moves. A reminder whose time passed while its
 * moment has not (the browser was closed) fires at once.
 */
export function planReminders(
  meetings: readonly RemindableMeeting[],
  settings: ReminderSettings,
  sent: ReadonlySet<string>,
  now: number,
): Map<string, number> {
  const alarms: [string, number][] = [];
  if (!settings.on) return new Map();
  const muted = new Set(settings.mutedPeople);
  const soon = now + 1_000;
  for (const m of meetings) {
    if (m.status !== 'planned' || m.plannedStart === null || muted.has(m.personId)) continue;
    if (m.plannedEnd !== null && m.plannedEnd - m.plannedStart >= ALL_DAY_MS) continue;
    if (m.plannedStart > now && !sent.has(sentKey('before', m.id))) {
      const at = m.plannedStart - settings.minutesBefore * 60_000;
      alarms.push([reminderAlarm('before', m.id), Math.max(at, soon)]);
    }
    const end = m.plannedEnd ?? null;
    if (settings.wrapUp && end !== null && !sent.has(sentKey('after', m.id))) {
      const at = end + WRAP_UP_DELAY_MS;
      if (at > now - WRAP_UP_LATE_MS)
        alarms.push([reminderAlarm('after', m.id), Math.max(at, soon)]);
    }
  }
  alarms.sort((a, b) => a[1] - b[1]);
  const plan = new Map(alarms.slice(0, MAX_ALARMS));
  if (settings.digest) plan.set(DIGEST_ALARM, nextClockTime(now, settings.digestAt));
  return plan;
}

/** The next moment (after `now`) the local clock shows `HH:MM`. */
export function nextClockTime(now: number, clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  const date = new Date(now);
  date.setHours(hours, minutes, 0, 0);
  if (date.getTime() <= now) date.setDate(date.getDate() + 1);
  return date.getTime();
}

/** Whether the local time at `at` lies in the quiet hours (which may wrap midnight). */
export function inQuietHours(at: number, settings: ReminderSettings): boolean {
  if (!settings.quiet) return false;
  const minutesOf = (clock: string) => {
    const [h = 0, m = 0] = clock.split(':').map(Number);
    return h * 60 + m;
  };
  const date = new Date(at);
  const now = date.getHours() * 60 + date.getMinutes();
  const from = minutesOf(settings.quietFrom);
  const to = minutesOf(settings.quietTo);
  if (from === to) return false;
  return from < to ? now >= from && now < to : now >= from || now < to;
}

/** The local date of `at`, `YYYY-MM-DD`: one digest a day. */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
