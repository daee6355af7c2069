import { i18n } from '#i18n';
import type {
  FeedErrorKind,
  FeedFailure,
  FeedFlaw,
  FeedStatus,
} from '@/utils/messaging/feed-status';
import { ago } from '@/utils/pages/locale';

const FLAW_TEXT: Record<FeedFlaw, () => string> = {
  structure: () => i18n.t('feed.flaw.structure'),
  truncated: () => i18n.t('feed.flaw.truncated'),
  date: () => i18n.t('feed.flaw.date'),
  rule: () => i18n.t('feed.flaw.rule'),
  timezone: () => i18n.t('feed.flaw.timezone'),
  'too-many': () => i18n.t('feed.flaw.tooMany'),
};

const http = (status?: number) => (status ? `HTTP ${status}` : 'HTTP');

/** Each failure in words (feed.error.*): named apart so the user knows what to fix. */
const ERROR_TEXT: Record<FeedErrorKind, (failure: FeedFailure) => string> = {
  'bad-url': () => i18n.t('feed.error.badUrl'),
  'insecure-url': () => i18n.t('feed.error.insecureUrl'),
  permission: () => i18n.t('feed.error.permission'),
  network: () => i18n.t('feed.error.network'),
  timeout: () => i18n.t('feed.error.timeout'),
  unauthorized: (f) => i18n.t('feed.error.unauthorized', [http(f.status)]),
  'not-found': (f) => i18n.t('feed.error.notFound', [http(f.status)]),
  server: (f) => i18n.t('feed.error.server', [http(f.status)]),
  'too-large': () => i18n.t('feed.error.tooLarge'),
  'not-ics': () => i18n.t('feed.error.notIcs'),
  malformed: (f) =>
    i18n.t('feed.error.malformed', [
      [
        FLAW_TEXT[f.flaw ?? 'structure'](),
        ...(f.eventNumber ? [i18n.t('feed.eventAt', [String(f.eventNumber)])] : []),
      ].join(', '),
    ]),
  'not-saved': () => i18n.t('feed.error.notSaved'),
};

export function feedErrorText(failure: FeedFailure): string {
  return ERROR_TEXT[failure.kind](failure);
}

/**
 * The last failure as the status and the popup say it: a new address that could not be used
 * (the one in use stays), or the saved feed that could not be read (what was known stays).
 */
export function feedFailureLines(
  failure: FeedFailure,
  now = Date.now(),
  feedInUse = true,
): string[] {
  return failure.during === 'connect'
    ? [
        i18n.t('feed.failedConnect', [feedErrorText(failure)]),
        ...(feedInUse ? [i18n.t('feed.keptInUse')] : []),
      ]
    : [
        i18n.t('feed.failedRefresh', [ago(failure.at, now), feedErrorText(failure)]),
        i18n.t('feed.keptKnown'),
      ];
}

/** The feed's state as a few short sentences. */
export function feedStatusLines(status: FeedStatus, now = Date.now()): string[] {
  const lines: string[] = [];
  if (status.running) lines.push(i18n.t('feed.statusRunning'));
  else if (!status.enabled) lines.push(i18n.t('feed.statusOff'));
  else if (status.lastSuccessAt && status.found) {
    lines.push(
      i18n.t('feed.statusOk', [
        ago(status.lastSuccessAt, now),
        String(status.found.events),
        String(status.found.oneOnOnes),
        String(status.found.week),
      ]),
    );
  } else lines.push(i18n.t('feed.statusNever'));
  if (status.lastError) lines.push(...feedFailureLines(status.lastError, now, status.enabled));
  return lines;
}

/** The status's state for tests and styles: off, running, ok, error or never read. */
export function feedState(status: FeedStatus | null): string {
  if (!status) return 'loading';
  if (status.running) return 'running';
  if (status.lastError) return 'error';
  if (!status.enabled) return 'off';
  return status.lastSuccessAt ? 'ok' : 'never';
}
