import { i18n } from '#i18n';
import { useEffect } from 'react';
import { memberSide } from '@/utils/domain/agenda';
import type { PrepView } from '@/utils/messaging/views';
import { PanelShell } from '@/components/panel-shell';
import { AgendaEditor } from '@/components/meeting/agenda-editor';
import { ConditionTrend } from '@/components/meeting/condition-trend';
import { GoalsCheck } from '@/components/meeting/goals-check';
import { NoteEditor } from '@/components/meeting/note-editor';
import { OpenActions } from '@/components/meeting/open-actions';
import { PromptLibrary } from '@/components/meeting/prompt-library';
import { ago } from '@/utils/pages/locale';
import { openNotebook } from '@/utils/pages/notebook-link';
import { markReady } from '@/utils/pages/mark-ready';
import { write } from '@/utils/pages/send';
import { useStored } from '@/hooks/use-stored';
import { agendaLabelFor, ShareRow } from '@/components/share/share-row';
import { collapsedItem } from './collapsed';
import { PersonSummary } from './person-summary';
import { CardUnread } from './card-unread';
import { useEventId, useUnread } from '@/hooks/use-event-id';
import { usePrepView } from '@/hooks/use-prep-view';

type Prepared = PrepView & { meeting: NonNullable<PrepView['meeting']> };

/** Shown in an extension-origin iframe beside Google Calendar's event card. */
export function PrepPanelApp() {
  const eventId = useEventId();
  const unread = useUnread();
  const view = usePrepView(eventId);
  const [collapsed, setCollapsed] = useStored(collapsedItem);
  const person = view.state === 'ready' ? view.value.meeting?.person : undefined;
  // When this event's person is on screen (utils/pages/mark-ready.ts).
  useEffect(() => {
    if (person && eventId) markReady('prepPanel', eventId);
  }, [person, eventId]);
  return (
    <PanelShell
      host="prep-panel"
      className="panel"
      titleId="panel-title"
      title={
        <>
          {i18n.t('prepPanel.title')}
          {collapsed && person && <span className="muted"> · {person.name || person.email}</span>}
        </>
      }
      bodyId="panel-body"
      collapsed={collapsed}
      onToggle={() => setCollapsed(!collapsed)}
      expandLabel={i18n.t('prepPanel.expand')}
      collapseLabel={i18n.t('prepPanel.collapse')}
      toggleTestId="panel-toggle"
      surface="calendar"
    >
      {!collapsed &&
        (unread ? <CardUnread problems={unread} /> : <PanelBody eventId={eventId} view={view} />)}
    </PanelShell>
  );
}

function PanelBody({
  eventId,
  view,
}: {
  eventId: string | null;
  view: ReturnType<typeof usePrepView>;
}) {
  if (!eventId) return <p className="muted">{i18n.t('prepPanel.noEvent')}</p>;
  if (view.state === 'loading') return <p role="status">{i18n.t('common.loading')}</p>;
  if (view.state === 'error') {
    return (
      <p role="alert" className="error">
        {i18n.t('prepPanel.loadFailed', [view.error])}
      </p>
    );
  }
  const { value } = view;
  if (!value.event && !value.meeting) return <p role="status">{i18n.t('prepPanel.reading')}</p>;
  if (!value.meeting || (value.event && !value.event.isOneOnOne)) {
    return <NotOneOnOne eventId={eventId} view={value} />;
  }
  return <Prep eventId={eventId} view={value as Prepared} />;
}

/** Unrecognised events get one small, unobtrusive offer. */
function NotOneOnOne({ eventId, view }: { eventId: string; view: PrepView }) {
  const canTreat = view.event?.hasCounterpart ?? false;
  return (
    <div className="not-1on1" data-testid="not-1on1">
      <p className="muted small">{i18n.t('prepPanel.notRecognised')}</p>
      <button
        type="button"
        disabled={!canTreat}
        aria-describedby={canTreat ? undefined : 'treat-why'}
        data-testid="treat-as-1on1"
        onClick={() => void write('setEventVerdict', { eventId, verdict: 'always' })}
      >
        {i18n.t('prepPanel.treatAsOneOnOne')}
      </button>
      {!canTreat && (
        <p id="treat-why" className="muted small">
          {i18n.t('prepPanel.noCounterpart')}
        </p>
      )}
    </div>
  );
}

function Prep({ eventId, view }: { eventId: string; view: Prepared }) {
  const { meeting, person, agenda, carriedAgenda, openActions, actions } = view.meeting;
  const member = memberSide(person.relationship);
  const nextOrder = Math.max(0, ...agenda.map((i) => i.order)) + 1;
  const meetCode = meeting.meetCode ?? view.event?.meetCode ?? null;
  // When the user is the member, what they want to talk about leads the panel.
  const iAmMember = member === 'me';
  const agendaBlock = (
    <>
      <AgendaEditor
        meetingId={meeting.id}
        agenda={agenda}
        carried={carriedAgenda}
        member={member}
        heading={iAmMember ? i18n.t('prepTopics.mineHeading') : undefined}
      />
      <ShareRow
        meetingId={meeting.id}
        name={person.name || person.email}
        actions={['paste', 'agenda']}
        agendaLabel={agendaLabelFor(person.relationship)}
      />
    </>
  );
  return (
    <>
      <PersonSummary view={view} />
      {view.showNotEvaluationReminder && (
        <p className="reminder small" data-testid="not-evaluation">
          {i18n.t('prepPanel.notEvaluation')}
        </p>
      )}
      {iAmMember && agendaBlock}
      <OpenActions personId={person.id} meetingId={meeting.id} open={openActions} here={actions} />
      {!iAmMember && agendaBlock}
      <GoalsCheck goals={view.goals} />
      <section className="block" aria-labelledby="last-heading">
        <h2 id="last-heading">{i18n.t('prepPanel.lastTime')}</h2>
        {view.lastHeld ? (
          <>
            <p className="muted small">{ago(view.lastHeld.at)}</p>
            <blockquote className="excerpt" data-testid="last-shared">
              {view.lastHeld.sharedExcerpt ?? i18n.t('prepPanel.noSharedNotes')}
            </blockquote>
          </>
        ) : (
          <p className="muted small">{i18n.t('person.firstMeeting')}</p>
        )}
        <ConditionTrend points={view.conditionTrend} />
      </section>
      <PromptLibrary meetingId={meeting.id} order={nextOrder} own={view.prompts} />
      <section className="block">
        <NoteEditor
          meetingId={meeting.id}
          kind="private"
          note={view.meeting.private}
          label={i18n.t('notes.privateLabel')}
          hint={i18n.t('notes.privateHint')}
          rows={3}
        />
      </section>
      <div className="panel-actions">
        {meetCode ? (
          <a
            className="button primary"
            href={`https://meet.google.com/${meetCode}`}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="start-notes"
          >
            {i18n.t('prepPanel.joinMeet')}
          </a>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="start-notes"
            onClick={() => void openNotebook({ meeting: meeting.id })}
          >
            {i18n.t('prepPanel.startNotes')}
          </button>
        )}
        <button
          type="button"
          className="link small"
          data-testid="not-1on1-button"
          onClick={() => void write('setEventVerdict', { eventId, verdict: 'never' })}
        >
          {i18n.t('prepPanel.notOneOnOne')}
        </button>
      </div>
    </>
  );
}
