import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
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

/** A person's head and first page (entrypoints/early-start.ts asks first when the page opens on one). */
const loadHead = (personId: string) => () => sendMessage('getPersonHead', { personId });
const loadPerson = (personId: string) => () => sendMessage('getPersonTimeline', { personId });

/**
 * One person's whole story: who they are (profile, goals), how it has gone (charts), what is
 * open, and every meeting, newest first, a page at a time.
 */
export function PersonPage({ personId }: { personId: string }) {
  // The head (who, what is open, goals) is a small answer, shown first; the charts and the
  // history, the larger part to render, follow once the head has been painted.
  const head = useLive('getPersonHead', { personId }, () =>
    takeEarly(`person-head:${personId}`, loadHead(personId)),
  );
  const live = useLive('getPersonTimeline', { personId }, () =>
    takeEarly(`person:${personId}`, loadPerson(personId)),
  );
  const top = live.state === 'ready' ? live.value : head.state === 'ready' ? head.value : null;
  const headShown = top !== null;
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => {
    if (!headShown) return;
    // When the person's head is on screen (utils/pages/mark-ready.ts); the rest after a paint.
    markReady('personHead', personId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(personId))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [headShown, personId]);
  const full = live.state === 'ready' && painted === personId ? live.value : null;
  const ready = full !== null;
  useEffect(() => {
    // When the person's page is on screen, history and charts too (utils/pages/mark-ready.ts).
    if (ready) markReady('person', personId);
  }, [ready, personId]);
  if (live.state === 'error') {
    return (
      <p role="alert" className="error">
        {i18n.t('history.personFailed', [live.error])}{' '}
        <a href="#">{i18n.t('history.backToPeople')}</a>
      </p>
    );
  }
  if (!top) return <p role="status">{i18n.t('common.loading')}</p>;
  return (
    <article className="person-page" aria-labelledby="person-heading">
      <PersonHeader person={top.person} />
      <PersonProfile person={top.person} />
      <GoalsEditor personId={personId} goals={top.goals} />
      <PersonCharts series={full ? full.series : null} />
      <PersonActions
        personId={personId}
        actions={full ? full.actions : top.actions}
        meetings={full ? full.meetings : []}
      />
      <Timeline first={full} />
      <PersonExport person={top.person} />
    </article>
  );
}
