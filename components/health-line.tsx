import { i18n } from '#i18n';
import { useState } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { HealthReport } from '@/utils/messaging/views';
import { useLive } from '@/hooks/use-live';

const surfaceText = (report: HealthReport) =>
  report.surface === 'calendar' ? i18n.t('health.calendar') : i18n.t('health.meet');

/** The anchors a content script reports missing, in words (unknown codes are shown as they are). */
const problemText = (code: string) =>
  ({
    'view-family': i18n.t('health.problem.page'),
    grid: i18n.t('health.problem.grid'),
    'event-card': i18n.t('health.problem.card'),
    'edit-page': i18n.t('health.problem.editPage'),
    guests: i18n.t('health.problem.guests'),
    time: i18n.t('health.problem.time'),
    stale: i18n.t('health.problem.stale'),
    'call-state': i18n.t('health.problem.callState'),
    participants: i18n.t('health.problem.participants'),
    speaking: i18n.t('health.problem.speaking'),
    'speaking-implausible': i18n.t('health.problem.speakingImplausible'),
  })[code] ?? code;

/**
 * The degraded state, in words: which Google page Taiwa could not read, and what it missed.
 * Polled while open (health is not a database write, so it has no change event).
 */
export function HealthLine({ surface }: { surface?: HealthReport['surface'] }) {
  const live = useLive('getHealth', undefined);
  const reports =
    live.state === 'ready' ? live.value.filter((r) => !surface || r.surface === surface) : [];
  return (
    <div
      className={reports.length ? 'health degraded' : 'health'}
      data-testid="health"
      data-state={reports.length ? 'degraded' : 'ok'}
    >
      {reports.map((report) => (
        <div key={report.tabId}>
          <p role="alert">
            {surfaceText(report)} ({report.problems.map(problemText).join(', ')})
          </p>
          {report.hasStructure && <CopyStructure tabId={report.tabId} />}
        </div>
      ))}
    </div>
  );
}

const OUTCOME_TEXT = {
  copied: () => i18n.t('health.structureCopied'),
  manual: () => i18n.t('health.structureManual'),
  none: () => i18n.t('health.structureNone'),
};

/**
 * "Copy page structure": the redacted structure the content script took of the page (tags, ids,
 * classes, roles; no names, addresses or texts), copied and shown, so the user sees exactly what
 * a bug report would carry.
 */
function CopyStructure({ tabId }: { tabId: number }) {
  const [text, setText] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<keyof typeof OUTCOME_TEXT | null>(null);
  const copy = async () => {
    const structure = await sendMessage('getPageStructure', { tabId });
    setText(structure);
    if (structure === null) return setOutcome('none');
    try {
      await navigator.clipboard.writeText(structure);
      setOutcome('copied');
    } catch {
      setOutcome('manual');
    }
  };
  const id = `structure-${tabId}`;
  return (
    <>
      <button
        type="button"
        className="small"
        data-testid="copy-structure"
        onClick={() => void copy()}
      >
        {i18n.t('health.copyStructure')}
      </button>
      <span role="status" className="muted small">
        {outcome && OUTCOME_TEXT[outcome]()}
      </span>
      {text !== null && (
        <>
          <label htmlFor={id} className="small">
            {i18n.t('health.structureLabel')}
          </label>
          <textarea id={id} readOnly rows={6} value={text} data-testid="page-structure" />
        </>
      )}
    </>
  );
}
