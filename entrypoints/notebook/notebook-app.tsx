import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { Brand } from '@/components/brand';
import { ErrorLine } from '@/components/error-line';
import { MeetingNotes } from '@/components/meeting/meeting-notes';
import { StatusLine } from '@/components/status-line';

const meetingFromHash = () => /^#meeting=([\w-]{1,64})$/.exec(location.hash)?.[1] ?? null;

/** The full-page history: people, their meetings, and in-person notes (`#meeting=<id>`). */
export function NotebookApp() {
  const [meetingId, setMeetingId] = useState(meetingFromHash);
  useEffect(() => {
    const onChange = () => setMeetingId(meetingFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return (
    <main className="page">
      <Brand title={i18n.t('history.title')} />
      {meetingId ? (
        <MeetingNotes meetingId={meetingId} />
      ) : (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading">{i18n.t('history.peopleHeading')}</h2>
          <p className="muted" data-testid="people-list">
            {i18n.t('history.empty')}
          </p>
        </section>
      )}
      <ErrorLine />
      <StatusLine />
    </main>
  );
}
