import { i18n } from '#i18n';
import { useEffect, useState, type ReactNode } from 'react';
import { memberSide } from '@/utils/domain/agenda';
import { shortDateTime } from '@/utils/pages/locale';
import { useLive } from '@/hooks/use-live';
import { agendaLabelFor, ShareRow, type ShareAction } from '@/components/share/share-row';
import { AgendaEditor } from './agenda-editor';
import { NoteEditor } from './note-editor';
import { builtInTemplates } from '@/utils/pages/note-templates';
import { OpenActions } from './open-actions';
import { loadMeetingView } from '@/utils/pages/prefetch';
import { PromptLibrary } from './prompt-library';
import { WrapUp } from './wrap-up';

/**
 * Taking notes in one meeting: agenda as a checklist, shared and private notes (with templates),
 * action items, question ideas and the wrap-up. The same editor beside a Meet call (the notes
 * sidebar) and on its own page for 1on1s held in person.
 */
export function MeetingNotes({
  meetingId,
  wrapUpOpen = false,
  children,
  onShown,
  linkPerson = false,
  privateFolded = false,
}: {
  meetingId: string;
  /** The person's name links to their history (in the notebook, not beside a call). */
  linkPerson?: boolean;
  /** Called once the meeting is on screen (the sidebar marks it for `npm run bench`). */
  onShown?: (meetingId: string) => void;
  /** Show the wrap-up without being asked (the call ended). */
  wrapUpOpen?: boolean;
  /** Shown under the heading (the sidebar's timer and talk-time meter). */
  children?: ReactNode;
  /**
   * Others may see this screen (a call of more than two, the user presenting): the private memo
   * folds away until the user opens it.
   */
  privateFolded?: boolean;
}) {
  const live = useLive('getMeetingView', { meetingId }, () => loadMeetingView(meetingId));
  const own = useLive('listTemplates', undefined);
  const [wrapUpAsked, setWrapUpAsked] = useState(false);
  const [privateOpened, setPrivateOpened] = useState(false);
  // Folded again each time others may start to see the screen (opened in a 3-person call, then
  // presenting: folded again). Adjusted while rendering, as React advises for derived state.
  const [wasFolded, setWasFolded] = useState(privateFolded);
  if (wasFolded !== privateFolded) {
    setWasFolded(privateFolded);
    if (privateFolded) setPrivateOpened(false);
  }
  const shown = live.state === 'ready';
  useEffect(() => {
    if (shown) onShown?.(meetingId);
  }, [shown, meetingId, onShown]);
  if (live.state === 'loading') return <p role="status">{i18n.t('common.loading')}</p>;
  if (live.state === 'error') return <p role="alert">{live.error}</p>;
  const view = live.value;
  const { meeting, person } = view;
  const mine = own.state === 'ready' ? own.value : [];
  const templates = [
    ...builtInTemplates(),
    ...mine
      .filter((t) => t.kind === 'template')
      .map((t) => ({ id: t.id, title: t.title || t.body.slice(0, 40), body: t.body })),
  ];
  const nextOrder = Math.max(0, ...view.agenda.map((i) => i.order)) + 1;
  const wrapUpShown = wrapUpOpen || wrapUpAsked;
  // The meeting's own page sends the recap too; beside a call, the wrap-up does.
  const share: ShareAction[] =
    linkPerson && !wrapUpShown ? ['paste', 'agenda', 'recap'] : ['paste', 'agenda'];
  return (
    <article aria-labelledby="meeting-heading" data-testid="meeting-notes">
      <h2 id="meeting-heading" className="meeting-heading" tabIndex={-1}>
        {linkPerson ? (
          <a href={`#person=${person.id}`} data-testid="person-name">
            {person.name || person.email}
          </a>
        ) : (
          <span data-testid="person-name">{person.name || person.email}</span>
        )}
        {meeting.plannedStart !== null && (
          <span className="muted small"> · {shortDateTime(meeting.plannedStart)}</span>
        )}
      </h2>
      {children}
      <AgendaEditor
        meetingId={meeting.id}
        agenda={view.agenda}
        carried={view.carriedAgenda}
        member={memberSide(person.relationship)}
      />
      <ShareRow
        meetingId={meeting.id}
        name={person.name || person.email}
        actions={share}
        agendaLabel={agendaLabelFor(person.relationship)}
      />
      <section className="block">
        <NoteEditor
          meetingId={meeting.id}
          kind="shared"
          note={view.shared}
          label={i18n.t('notes.sharedLabel')}
          rows={8}
          templates={templates}
        />
        {privateFolded && !privateOpened ? (
          <div className="note" data-testid="private-folded">
            <p className="muted small">{i18n.t('notes.privateFolded')}</p>
            <button type="button" onClick={() => setPrivateOpened(true)}>
              {i18n.t('notes.showPrivate')}
            </button>
          </div>
        ) : (
          <NoteEditor
            meetingId={meeting.id}
            kind="private"
            note={view.private}
            label={i18n.t('notes.privateLabel')}
            hint={i18n.t('notes.privateHint')}
            templates={templates}
          />
        )}
      </section>
      <OpenActions
        personId={person.id}
        meetingId={meeting.id}
        open={view.openActions}
        here={view.actions}
      />
      <PromptLibrary
        meetingId={meeting.id}
        order={nextOrder}
        own={mine.filter((t) => t.kind === 'prompt')}
      />
      {wrapUpShown ? (
        <WrapUp view={view} />
      ) : (
        <div className="panel-actions">
          <button type="button" data-testid="open-wrap-up" onClick={() => setWrapUpAsked(true)}>
            {i18n.t('wrapUp.open')}
          </button>
        </div>
      )}
    </article>
  );
}
