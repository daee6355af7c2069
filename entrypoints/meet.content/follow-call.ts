import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  INITIAL_PHASE,
  PHASE_DELAYS_MS,
  stepPhase,
  type PhaseState,
} from '@/utils/domain/call-phase';
import { TalkMeter } from '@/utils/domain/talk-time';
import { createHealthReporter } from '@/utils/dom/health-reporter';
import { observeMutations } from '@/utils/dom/observe-mutations';
import { isTaiwaHost, pageStructure } from '@/utils/dom/page-structure';
import {
  callTitle,
  isPostCallScreen,
  isPresenting,
  readRawPhase,
} from '@/utils/google/meet/call-page';
import { meetProblems } from '@/utils/google/meet/health';
import { readParticipants } from '@/utils/google/meet/participants';
import { sendMessage } from '@/utils/messaging/protocol';
import type { MeetState } from '@/utils/dom/page-state';
import type { SidebarHost, SidebarMode } from './sidebar-host';

/** Speaking indicators are sampled this often (docs/google-pages.md § participants: hysteresis over ~4 samples). */
const SAMPLE_EVERY_MS = 200;
/** Talk time and participants reach the background this often while in a call. */
const REPORT_EVERY_MS = 1_000;
const HEALTH_EVERY_MS = 3_000;
const CERTAIN_END = { ...PHASE_DELAYS_MS, ended: 0 };

/**
 * The sidebar is shown in the call and stays after it for the wrap-up. Before the call (the
 * lobby, waiting to be let in) it is loaded out of sight, so it is ready the moment the call
 * starts; it is never shown there.
 */
export function sidebarMode(state: PhaseState, mode: SidebarMode): SidebarMode {
  if (state.phase === 'in-call') return 'shown';
  if (state.phase === 'ended') return mode === 'shown' ? 'shown' : 'none';
  const joining =
    state.phase === 'lobby' || state.phase === 'waiting' || state.candidate === 'in-call';
  return joining ? 'preloaded' : 'none';
}

/**
 * Follows one call (one Meet code) through lobby → waiting → in call → ended until `signal`
 * aborts: the sidebar appears once the user is in the call and stays for the wrap-up; talk time
 * is measured from the speaking indicators only (no audio is ever touched). Each confirmed
 * phase is passed to `decided` once the sidebar is set for it (utils/dom/page-state.ts).
 */
export function followCall(
  ctx: ContentScriptContext,
  meetCode: string,
  sidebar: SidebarHost,
  signal: AbortSignal,
  decided: (state: MeetState) => void,
): void {
  let state: PhaseState = INITIAL_PHASE;
  const meter = new TalkMeter();
  /** Talk time measured but not yet delivered: kept until a report gets through. */
  let unsent = { selfMs: 0, othersMs: 0 };
  let lastTotals = { selfMs: 0, othersMs: 0 };
  let lastReportAt = 0;
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const reportHealth = createHealthReporter('meet', () =>
    pageStructure(document.body, { skip: isTaiwaHost }),
  );
  let lastHealthAt = 0;

  const report = (reading: ReturnType<typeof readParticipants>, now: number) => {
    lastReportAt = now;
    const sent = unsent;
    unsent = { selfMs: 0, othersMs: 0 };
    sendMessage('reportCall', {
      meetCode,
      phase: state.phase,
      title: callTitle(document.title),
      participants: reading.participants
        .slice(0, 100)
        .map(({ name, isSelf }) => ({ name, isSelf })),
      talk: {
        selfMs: Math.round(sent.selfMs),
        othersMs: Math.round(sent.othersMs),
        measurable: meter.measurable,
        implausible: meter.read().implausible,
      },
      presenting: isPresenting(document),
    }).catch(() => {
      // The service worker is restarting: the time is sent with the next report.
      unsent = { selfMs: unsent.selfMs + sent.selfMs, othersMs: unsent.othersMs + sent.othersMs };
    });
  };

  const check = () => {
    if (signal.aborted) return;
    clearTimeout(recheck);
    const now = performance.now();
    const reading = readParticipants(document);
    const named = reading.source === 'tiles' || reading.source === 'old-tiles';
    const raw = readRawPhase(document, named);
    const before = state.phase;
    // The post-call screen's own hooks make the end certain: taken at once, not debounced.
    state = stepPhase(state, raw, now, isPostCallScreen(document) ? CERTAIN_END : PHASE_DELAYS_MS);
    const inCall = state.phase === 'in-call';
    if (inCall) {
      meter.sample(reading.participants, now);
      const totals = meter.read();
      unsent.selfMs += totals.selfMs - lastTotals.selfMs;
      unsent.othersMs += totals.othersMs - lastTotals.othersMs;
      lastTotals = totals;
    }
    // Reported first, so the background is finding whose call it is while the sidebar shows.
    if (state.phase !== before || (inCall && now - lastReportAt >= REPORT_EVERY_MS)) {
      report(reading, now);
    }
    sidebar.set(sidebarMode(state, sidebar.mode), meetCode);
    if (!state.candidate) decided(state.phase);
    // A phase about to be confirmed is looked at again when its delay is up, not a tick later.
    if (state.candidate) {
      const delay = PHASE_DELAYS_MS[state.candidate];
      if (Number.isFinite(delay)) recheck = setTimeout(check, state.since + delay - now + 1);
    }
    if (now - lastHealthAt >= HEALTH_EVERY_MS) {
      lastHealthAt = now;
      reportHealth(meetProblems(raw, inCall, reading, meter.read()));
    }
  };

  const timer = ctx.setInterval(check, SAMPLE_EVERY_MS);
  // Joining is noticed from the page's changes at once, not only on the next tick.
  observeMutations(
    document.body,
    () => state.phase !== 'in-call' && check(),
    signal,
    undefined,
    16,
  );
  signal.addEventListener('abort', () => {
    clearInterval(timer);
    clearTimeout(recheck);
    sidebar.set('none', meetCode);
  });
  check();
}
