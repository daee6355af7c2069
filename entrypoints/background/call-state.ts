import { storage } from 'wxt/utils/storage';
import type { Inputs } from '@/utils/messaging/inputs';

/** What the background knows of the Meet call in one tab. */
export interface CallState {
  meetCode: string;
  phase: Inputs['reportCall']['phase'];
  title: string;
  participants: Inputs['reportCall']['participants'];
  /** `implausible`: the speaking signal proved wrong in this call; its time is not kept. */
  talk: { selfMs: number; othersMs: number; measurable: boolean; implausible?: boolean };
  joinedAt: number | null;
  meetingId: string | null;
  /** Talk time the meeting already held when this call found it (a rejoin, an extension reload). */
  talkBase: { selfMs: number; othersMs: number };
  /** The other participants' names last tried against the people: asked again only when they change. */
  triedNames: string | null;
  /** Talk time as last written to the meeting, and when. */
  savedTalk: { selfMs: number; othersMs: number; at: number };
  /** The meeting was marked held when this call ended. */
  heldMarked: boolean;
  /** The known person the one other participant's name matches: asked about, never assumed. */
  suggestion: { personId: string; name: string } | null;
  /** The user answered "No" to the suggestion in this call: the sidebar asks whose it is instead. */
  declined: boolean;
  /** The user said this Meet code is not a 1on1. */
  notOneOnOne: boolean;
  /** Meet shows the user presenting. */
  presenting: boolean;
}

/**
 * Calls by tab id, in session storage: memory only, shared across service worker restarts (the
 * worker can stop mid-call). Each tab's updates run one after another, so reports arriving close
 * together never overwrite each other's talk time.
 */
const callsItem = storage.defineItem<Record<string, CallState>>('session:calls', { fallback: {} });
const queues = new Map<number, Promise<unknown>>();

export function newCall(meetCode: string): CallState {
  return {
    meetCode,
    phase: 'unknown',
    title: '',
    participants: [],
    talk: { selfMs: 0, othersMs: 0, measurable: false },
    joinedAt: null,
    meetingId: null,
    talkBase: { selfMs: 0, othersMs: 0 },
    triedNames: null,
    savedTalk: { selfMs: 0, othersMs: 0, at: 0 },
    heldMarked: false,
    suggestion: null,
    declined: false,
    notOneOnOne: false,
    presenting: false,
  };
}

/** Runs `fn` on the tab's call after every earlier update of that tab; `fn` returns the new state (or null to forget it). */
export function updateCall<T>(
  tabId: number,
  fn: (call: CallState | null) => Promise<{ call: CallState | null; result: T }>,
): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      const calls = await callsItem.getValue();
      const { call, result } = await fn(calls[tabId] ?? null);
      const others = Object.entries(await callsItem.getValue()).filter(
        ([id]) => id !== String(tabId),
      );
      await callsItem.setValue(Object.fromEntries(call ? [...others, [tabId, call]] : others));
      return result;
    });
  queues.set(tabId, run);
  void run.finally(() => queues.get(tabId) === run && queues.delete(tabId)).catch(() => undefined);
  return run;
}

/** The tab's call once every pending update of it has run (a sidebar may ask mid-resolution). */
export async function readCall(tabId: number): Promise<CallState | null> {
  await queues.get(tabId)?.catch(() => undefined);
  return (await callsItem.getValue())[tabId] ?? null;
}
