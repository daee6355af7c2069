import { feedFailureLines } from '@/utils/pages/feed-messages';
import { useLive } from '@/hooks/use-live';

/**
 * The popup's health line for the calendar feed: the saved feed that could not be read, in words
 * (not ICS, too large, too slow, refused, gone, damaged), and that what was known stays.
 */
export function FeedHealthLine() {
  const live = useLive('getFeedStatus', undefined);
  const status = live.state === 'ready' ? live.value : null;
  const failure =
    status?.enabled && status.lastError?.during === 'refresh' ? status.lastError : null;
  if (!failure) return null;
  return (
    <div className="health degraded" data-testid="feed-health" data-state="degraded">
      {feedFailureLines(failure).map((line, i) => (
        <p key={line} role={i === 0 ? 'alert' : undefined}>
          {line}
        </p>
      ))}
    </div>
  );
}
