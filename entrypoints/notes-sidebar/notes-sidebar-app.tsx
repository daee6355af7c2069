import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import type { CallView } from '@/utils/messaging/views';
import { MeetingNotes } from '@/components/meeting/meeting-notes';
import { PanelShell } from '@/components/panel-shell';
import { useStored } from '@/hooks/use-stored';
import { markReady } from '@/utils/pages/mark-ready';
import { AskPerson } from './ask-person';
import { ConfirmCall, NotOneOnOne } from './confirm-call';
import { sidebarCollapsedItem } from '@/utils/sidebar-collapsed';
import { MeetingTimer } from './meeting-timer';
import { TalkMeter } from './talk-meter';
import { useCallView } from '@/hooks/use-call-view';
import { useViewCommand } from '@/hooks/use-view-command';

/** Shown in an extension-origin iframe docked beside a Google Meet call. */
export function NotesSidebarApp() {
  const live = useCallView();
  const [collapsed, setCollapsed] = useStored(sidebarCollapsedItem);
  // The keyboard shortcuts pressed in this tab (the background passes them by the change port).
  useViewCommand('toggle-sidebar', () => setCollapsed(!collapsed));
  useViewCommand('add-action', () => setCollapsed(false));
  // Before the call the page waits out of sight: a meeting known by its code is rendered already,
  // so it is on screen the moment the call starts; an unknown one is asked about only in the call.
  const view = live.state === 'ready' ? live.value : null;
  const started = view?.phase === 'in-call' || view?.phase === 'ended';
  const call = view && (started || view.meetingId) ? view : null;
  return (
    <PanelShell
      host="notes-sidebar"
      className="panel sidebar"
      titleId="sidebar-title"
      title={i18n.t('notesSidebar.title')}
      bodyId="sidebar-body"
      collapsed={collapsed}
      onToggle={() => setCollapsed(!collapsed)}
      expandLabel={i18n.t('notesSidebar.expand')}
      collapseLabel={i18n.t('notesSidebar.collapse')}
      toggleTestId="sidebar-toggle"
      surface="meet"
    >
      {live.state === 'loading' && <p role="status">{i18n.t('common.loading')}</p>}
      {live.state === 'error' && (
        <p role="alert" className="error">
          {i18n.t('notesSidebar.loadFailed', [live.error])}
        </p>
      )}
      {live.state === 'ready' && !call && (
        <p className="muted" role="status">
          {i18n.t('notesSidebar.noCall')}
        </p>
      )}
      {call && <CallNotes call={call} onLinked={live.reload} />}
    </PanelShell>
  );
}

function CallNotes({ call, onLinked }: { call: CallView; onLinked: () => void }) {
  const [shown, setShown] = useState<string | null>(null);
  const inCall = call.phase === 'in-call';
  const ready = inCall && (call.meetingId === null || shown === call.meetingId);
  // When the call's notes (or the question whose they are) are on screen (utils/pages/mark-ready.ts).
  useEffect(() => {
    if (ready) markReady('notesSidebar', call.meetingId);
  }, [ready, call.meetingId]);
  const bar = (
    <div className="call-bar">
      <MeetingTimer joinedAt={call.joinedAt} plannedEnd={call.plannedEnd} />
      <TalkMeter talk={call.talk} target={call.talkTargetSelfPercent} />
    </div>
  );
  if (!call.meetingId) {
    return (
      <>
        {bar}
        {call.notOneOnOne ? (
          <NotOneOnOne onAnswered={onLinked} />
        ) : call.suggestion ? (
          <ConfirmCall suggestion={call.suggestion} onAnswered={onLinked} />
        ) : (
          <AskPerson call={call} onLinked={onLinked} />
        )}
      </>
    );
  }
  return (
    <MeetingNotes
      meetingId={call.meetingId}
      wrapUpOpen={call.phase === 'ended'}
      onShown={setShown}
      privateFolded={call.exposed}
    >
      {bar}
    </MeetingNotes>
  );
}
