import { i18n } from '#i18n';
import { memberSide } from '@/utils/domain/agenda';
import { sendMessage } from '@/utils/messaging/protocol';
import type { MeetingView } from '@/utils/messaging/views';
import { shortDateTime } from '../locale';
import { write } from '../send';
import { useLive } from '../use-live';
import { AgendaEditor } from './agenda-editor';
import { NoteEditor } from './note-editor';
import { OpenActions } from './open-actions';

/**
 * Taking notes in one meeting: agenda, shared and private notes, action items. The notes page
 * shows it for in-person 1on1s ("Start notes" in the prep panel).
 */
export function MeetingNotes({ meetingId }: { meetingId: string }) {
  const live = useLive<MeetingView>(meetingId, () => sendMessage('getMeetingView', { meetingId }), [
    'people',
    'meetings',
    'notes',
    'actions',
  ]);
  if (live.state === 'loading') return <p role="status">{i18n.t('common.loading')}</p>;
  if (live.state === 'error') return <p role="alert">{live.error}</p>;
  const view = live.value;
  const { meeting, person } = view;
  return (
    <article aria-labelledby="meeting-heading" data-testid="meeting-notes">
      <h2 id="meeting-heading">
        <span data-testid="person-name">{person.name || person.email}</span>
        {meeting.plannedStart !== null && (
          <span className="muted small"> · {shortDateTime(meeting.plannedStart)}</span>
        )}
      </h2>
      <AgendaEditor
        meetingId={meeting.id}
        agenda={view.agenda}
        carried={view.carriedAgenda}
        member={memberSide(person.relationship)}
      />
      <section className="block">
        <NoteEditor
          meetingId={meeting.id}
          kind="shared"
          note={view.shared}
          label={i18n.t('notes.sharedLabel')}
          rows={8}
        />
        <NoteEditor
          meetingId={meeting.id}
          kind="private"
          note={view.private}
          label={i18n.t('notes.privateLabel')}
          hint={i18n.t('notes.privateHint')}
        />
      </section>
      <OpenActions
        personId={person.id}
        meetingId={meeting.id}
        open={view.openActions}
        here={view.actions}
      />
      {meeting.status !== 'held' && (
        <button
          type="button"
          className="primary"
          onClick={() => void write('updateMeeting', { id: meeting.id, patch: { status: 'held' } })}
        >
          {i18n.t('notes.markHeld')}
        </button>
      )}
    </article>
  );
}
