import { i18n } from '#i18n';
import { useEffect } from 'react';
import { sendMessage } from '@/utils/messaging/protocol';
import { takeEarly } from '@/utils/pages/early-load';
import { markReady } from '@/utils/pages/mark-ready';
import { useLive } from '@/hooks/use-live';
import { GoalsEditor } from './goals-editor';
import { PersonActions } from './person-actions';
import { PersonCharts } from './person-charts';
import { PersonExport } from './person-export';
import { PersonHeader } from './person-header';
import { PersonProfile } from './person-profile';
import { Timeline } from './timeline';

/** A person's first page (entrypoints/early-start.ts asks first when the page opens on one). */
const loadPerson = (personId: string) => () => sendMessage('getPersonTimeline', { personId });

/**
 * One person's whole story: who they are (profile, goals), how it has gone (charts), what is
 * open, and every meeting, newest first, a page at a time.
 */
export function PersonPage({ personId }: { personId: string }) {
  const live = useLive('getPersonTimeline', { personId }, () =>
    takeEarly(`person:${personId}`, loadPerson(personId)),
  );
  const ready = live.state === 'ready';
  useEffect(() => {
    // When the person's page is on screen (utils/pages/mark-ready.ts).
    if (ready) markReady('person', personId);
  }, [ready, personId]);
  if (live.state === 'loading') return <p role="status">{i18n.t('common.loading')}</p>;
  if (live.state === 'error') {
    return (
      <p role="alert" className="error">
        {i18n.t('history.personFailed', [live.error])}{' '}
        <a href="#">{i18n.t('history.backToPeople')}</a>
      </p>
    );
  }
  const timeline = live.value;
  return (
    <article className="person-page" aria-labelledby="person-heading">
      <PersonHeader person={timeline.person} />
      <PersonProfile person={timeline.person} />
      <GoalsEditor personId={personId} goals={timeline.goals} />
      <PersonCharts series={timeline.series} />
      <PersonActions personId={personId} actions={timeline.actions} meetings={timeline.meetings} />
      <Timeline first={timeline} />
      <PersonExport person={timeline.person} />
    </article>
  );
}
