import { i18n } from '#i18n';
import { useState } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import type { PersonTimeline } from '@/utils/messaging/views';
import { shortDateTime } from '@/utils/pages/locale';
import { TimelineMeeting } from './timeline-meeting';

type Page = Pick<PersonTimeline, 'meetings' | 'notes' | 'actions' | 'nextBefore'>;

/**
 * Every meeting with the person, newest first: the first page comes with the person's page, older
 * ones a page at a time on request (a five-year history never loads at once). `null`: the first
 * page is being read (after the person's head, person-page.tsx); the region says it is busy.
 */
export function Timeline({ first }: { first: PersonTimeline | null }) {
  return (
    <section className="block" aria-labelledby="timeline-heading" aria-busy={first === null}>
      <h2 id="timeline-heading">{i18n.t('history.timelineHeading')}</h2>
      {first ? (
        <TimelinePages first={first} />
      ) : (
        <p role="status" className="muted">
          {i18n.t('common.loading')}
        </p>
      )}
    </section>
  );
}

function TimelinePages({ first }: { first: PersonTimeline }) {
  // Older pages belong to the first page they were loaded after: a fresh first page (after a
  // write) starts them over.
  const [loaded, setLoaded] = useState<{ after: PersonTimeline; pages: Page[] }>({
    after: first,
    pages: [],
  });
  const older = loaded.after === first ? loaded.pages : [];
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pages: Page[] = [first, ...older];
  const next = (older.at(-1) ?? first).nextBefore;
  const notes = pages.flatMap((p) => p.notes);
  const actions = pages.flatMap((p) => p.actions);
  const meetings = pages.flatMap((p) => p.meetings);
  const loadOlder = async () => {
    if (next === null) return;
    setLoading(true);
    try {
      const page = await sendMessage('getPersonTimeline', {
        personId: first.person.id,
        before: next,
      });
      setLoaded({ after: first, pages: [...older, page] });
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      {meetings.length === 0 && <p className="muted">{i18n.t('history.noMeetings')}</p>}
      <ol className="timeline" data-testid="history" data-count={meetings.length}>
        {meetings.map((m) => (
          <TimelineMeeting
            key={m.id}
            meeting={m}
            notes={notes.filter((n) => n.meetingId === m.id)}
            actions={actions.filter((a) => a.meetingId === m.id)}
          />
        ))}
      </ol>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {next !== null && (
        <button
          type="button"
          onClick={() => void loadOlder()}
          disabled={loading}
          data-testid="load-older"
        >
          {loading ? i18n.t('common.loading') : i18n.t('history.loadOlder', [shortDateTime(next)])}
        </button>
      )}
    </>
  );
}
