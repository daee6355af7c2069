import { i18n } from '#i18n';
import { browser, type Browser } from 'wxt/browser';
import type { Inputs } from '@/utils/messaging/inputs';
import type { Meeting } from '@/utils/model/entities';
import type { CallView } from '@/utils/messaging/views';
import { readSettings } from '../settings-store';
import { newCall, readCall, updateCall, type CallState } from '../call-state';
import { notifyChanged } from '../changes';
import { getDb } from '../db/database';
import {
  isNotOneOnOne,
  meetingForPerson,
  resolveCallMeeting,
  setNotOneOnOne,
  suggestPerson,
} from '../db/meet-calls';
import { updateMeeting } from '../db/meetings';
import { createPerson } from '../db/people';
import { getLive, writeTransaction } from '../db/write';
import type { Handler } from './serve';

/** Talk time reaches the meeting record at least this often during a call (and when it ends). */
const SAVE_TALK_EVERY_MS = 15_000;
/** A call shorter than this (a mis-click, a quick check) does not mark the 1on1 as held. */
const MIN_HELD_MS = 2 * 60_000;

/**
 * Google Meet: the content script reports where the call stands, who is in it and the talk time
 * it measured; the background works out whose 1on1 it is, keeps talk time on the meeting, marks
 * it held when the call ends, and answers the sidebar.
 */
export const reportCall: Handler<'reportCall'> = (report, sender) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  return updateCall(tabId, async (previous) => {
    const now = Date.now();
    let call = previous;
    if (!call || call.meetCode !== report.meetCode) {
      // Meet switched calls without a page load: the last one is finished first.
      if (call) await finishCall(call, now);
      call = newCall(report.meetCode);
    }
    call = {
      ...call,
      phase: report.phase,
      title: report.title || call.title,
      participants: report.participants,
      talk: addTalk(call.talk, report.talk),
      presenting: report.presenting,
    };
    if (report.phase === 'in-call') {
      call.joinedAt ??= now;
      if (!call.meetingId) call = await resolve(call, now);
    } else if (
      !call.meetingId &&
      (report.phase === 'lobby' || report.phase === 'waiting') &&
      !(await isNotOneOnOne(getDb(), call.meetCode))
    ) {
      // Known ahead by its code, the sidebar waiting out of sight has the notes ready.
      const planned = await resolveCallMeeting(getDb(), facts(call, now), false);
      if (planned) call = withMeeting(call, planned);
    }
    call = report.phase === 'ended' ? await finishCall(call, now) : await saveTalk(call, now);
    return { call, result: undefined };
  }).then(() => notifyChanged(['calls']));
};

/** The call in the sidebar's own tab, as the sidebar shows it. */
export const getCallView: Handler<'getCallView'> = async (_, sender): Promise<CallView | null> => {
  const tabId = sender.tab?.id;
  const call = tabId === undefined ? null : await readCall(tabId);
  if (!call) return null;
  const meeting = call.meetingId ? await getDb().meetings.get(call.meetingId) : undefined;
  const live = meeting && !meeting.deleted ? meeting : undefined;
  return {
    meetCode: call.meetCode,
    phase: call.phase,
    meetingId: live?.id ?? null,
    participants: call.participants,
    // The meeting's whole talk time: a rejoin (or an update mid-call) carries on counting.
    talk: {
      selfMs: call.talkBase.selfMs + call.talk.selfMs,
      othersMs: call.talkBase.othersMs + call.talk.othersMs,
      measurable: call.talk.measurable,
      implausible: call.talk.implausible ?? false,
    },
    joinedAt: call.joinedAt,
    plannedEnd: live?.plannedEnd ?? null,
    talkTargetSelfPercent: (await readSettings()).talkTargetSelfPercent,
    suggestion: live ? null : call.suggestion,
    notOneOnOne: call.notOneOnOne,
    exposed: call.presenting || call.participants.filter((p) => !p.isSelf).length > 1,
  };
};

/** Yes / No / Not a 1on1 to the sidebar's question, for the call in its tab. */
export const answerCall: Handler<'answerCall'> = ({ answer }, sender) =>
  updateCall(tabOf(sender), async (found) => {
    const call = present(found);
    if (answer === 'yes') {
      if (!call.suggestion) throw new Error(i18n.t('call.errorNoQuestion'));
      return { call: await linkToPerson(call, call.suggestion), result: undefined };
    }
    if (answer === 'no') {
      return { call: { ...call, suggestion: null, declined: true }, result: undefined };
    }
    const not = answer === 'not-1on1';
    await setNotOneOnOne(getDb(), call.meetCode, not);
    const next = {
      ...call,
      suggestion: null,
      notOneOnOne: not,
      declined: false,
      triedNames: null,
    };
    return { call: next, result: undefined };
  }).then(() => notifyChanged(['calls']));

/** "This call is my 1on1 with…": the call joins that person's meeting. */
export const linkMeetCall: Handler<'linkMeetCall'> = (input, sender) =>
  updateCall(tabOf(sender), async (found) => {
    const call = await linkToPerson(present(found), input);
    return { call, result: call.meetingId ?? '' };
  }).then((id) => {
    notifyChanged(['calls']);
    return id;
  });

/** A closed Meet tab ends its call: talk time saved, a real call marks the 1on1 held. */
export function setupMeetTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void updateCall(tabId, async (call) => {
      if (call) await finishCall(call, Date.now());
      return { call: null, result: undefined };
    }).catch(() => undefined);
  });
}

/**
 * Adds a report's talk time. Once the content script finds the speaking signal implausible (a
 * renamed class makes everyone "speak" all the time), this call's time is dropped, and saved so:
 * the meeting keeps only what it had before the call.
 */
function addTalk(talk: CallState['talk'], report: Inputs['reportCall']['talk']): CallState['talk'] {
  if (talk.implausible || report.implausible) {
    return { selfMs: 0, othersMs: 0, measurable: false, implausible: true };
  }
  return {
    selfMs: talk.selfMs + report.selfMs,
    othersMs: talk.othersMs + report.othersMs,
    measurable: report.measurable,
  };
}

/** The tab of the sidebar asking: only a Meet tab's sidebar speaks for its call. */
function tabOf(sender: Browser.runtime.MessageSender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(i18n.t('call.errorNoSidebar'));
  return tabId;
}

function present(call: CallState | null): CallState {
  if (!call) throw new Error(i18n.t('call.errorNoCall'));
  return call;
}

/**
 * The user said whose 1on1 this is (a known person, or a new one by name): the call is
 * recorded in that person's meeting, and its Meet code remembered for the next call.
 */
async function linkToPerson(
  call: CallState,
  to: { personId: string } | { name: string },
): Promise<CallState> {
  const { defaultCadence } = await readSettings();
  const meeting = await writeTransaction(async (ctx) => {
    const person =
      'personId' in to
        ? await getLive(ctx.db, 'people', to.personId)
        : await createPerson(ctx, { name: to.name, cadence: defaultCadence });
    return meetingForPerson(ctx, person.id, facts(call, ctx.now));
  });
  return withMeeting({ ...call, suggestion: null }, meeting);
}

function facts(call: CallState, now: number) {
  return {
    meetCode: call.meetCode,
    title: call.title,
    otherNames: call.participants.filter((p) => !p.isSelf).map((p) => p.name),
    at: call.joinedAt ?? now,
  };
}

/** Talk time already on the meeting (an earlier part of this call, before a rejoin or reload) is kept. */
function withMeeting(call: CallState, meeting: Meeting): CallState {
  return {
    ...call,
    meetingId: meeting.id,
    talkBase: { selfMs: meeting.talkSelfMs ?? 0, othersMs: meeting.talkOthersMs ?? 0 },
  };
}

/**
 * Finds the meeting by the call's Meet code (a 1on1 event's, or a call the user confirmed).
 * Otherwise, when the names changed since the last try, looks for a person to ask about: a
 * suggestion shows nothing of them and writes nothing until the user says yes.
 */
async function resolve(call: CallState, now: number): Promise<CallState> {
  // Looked up again only when the people in the call change (or an answer reset it), not on
  // every report of a call nobody has named.
  const key = facts(call, now).otherNames.join('\n');
  if (call.triedNames === key) return call;
  const tried = { ...call, triedNames: key, suggestion: null };
  const db = getDb();
  if (await isNotOneOnOne(db, call.meetCode)) return { ...tried, notOneOnOne: true };
  const meeting = await resolveCallMeeting(db, facts(call, now));
  if (meeting) return withMeeting(tried, meeting);
  return call.declined
    ? tried
    : { ...tried, suggestion: await suggestPerson(db, facts(call, now)) };
}

async function saveTalk(call: CallState, now: number, force = false): Promise<CallState> {
  const { selfMs, othersMs } = call.talk;
  const unchanged = selfMs === call.savedTalk.selfMs && othersMs === call.savedTalk.othersMs;
  if (!call.meetingId || unchanged || (!force && now - call.savedTalk.at < SAVE_TALK_EVERY_MS)) {
    return call;
  }
  const id = call.meetingId;
  await writeTransaction((ctx) =>
    updateMeeting(ctx, id, {
      talkSelfMs: Math.round(call.talkBase.selfMs + selfMs),
      talkOthersMs: Math.round(call.talkBase.othersMs + othersMs),
    }),
  ).catch(() => undefined); // The meeting was deleted meanwhile: nothing to keep it on.
  return { ...call, savedTalk: { selfMs, othersMs, at: now } };
}

/** The call ended (or its tab closed): talk time saved, and a real call marks the 1on1 held. */
async function finishCall(call: CallState, now: number): Promise<CallState> {
  const saved = await saveTalk(call, now, true);
  const id = saved.meetingId;
  if (!id || saved.heldMarked || saved.joinedAt === null || now - saved.joinedAt < MIN_HELD_MS) {
    return saved;
  }
  const joinedAt = saved.joinedAt;
  await writeTransaction(async (ctx) => {
    const meeting = await ctx.db.meetings.get(id);
    if (meeting && !meeting.deleted && meeting.status === 'planned') {
      await updateMeeting(ctx, id, { status: 'held', heldAt: joinedAt });
    }
  });
  return { ...saved, heldMarked: true };
}
