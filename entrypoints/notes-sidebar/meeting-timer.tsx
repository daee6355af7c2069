import { i18n } from '#i18n';
import { useEffect, useState } from 'react';

/** The gentle nudge comes this long before the scheduled end. */
const NUDGE_MS = 5 * 60_000;

const clock = (ms: number) => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

/**
 * Time in the call, and what is left until the scheduled end; five minutes before it, a quiet
 * reminder to confirm the action items (docs/domain.md: continuity, at the start and the end).
 */
export function MeetingTimer({
  joinedAt,
  plannedEnd,
}: {
  joinedAt: number | null;
  plannedEnd: number | null;
}) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const remaining = plannedEnd === null ? null : plannedEnd - now;
  // Only in the last five minutes: past the end, the line above says so.
  const nudge = remaining !== null && remaining > 0 && remaining <= NUDGE_MS;
  return (
    <section className="timer" aria-label={i18n.t('timer.heading')} data-testid="meeting-timer">
      <p className="small">
        <span>{i18n.t('timer.elapsed', [clock(joinedAt === null ? 0 : now - joinedAt)])}</span>
        {remaining !== null && (
          <span className="muted" data-remaining-ms={Math.max(0, remaining)}>
            {' · '}
            {remaining > 0 ? i18n.t('timer.remaining', [clock(remaining)]) : i18n.t('timer.over')}
          </span>
        )}
      </p>
      {/* Announced once when it appears, never every second. */}
      <p role="status" className="small nudge" data-testid="wrap-up-nudge">
        {nudge ? i18n.t('timer.nudge') : ''}
      </p>
    </section>
  );
}
