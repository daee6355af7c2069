import { i18n } from '#i18n';
import type { ActionItem, Meeting, Note } from '@/utils/model/entities';
import { selfShare } from '@/utils/domain/talk-share';
import { formatNumber, shortDateTime } from '@/utils/pages/locale';
import { categoryLabel, sideLabel } from '@/utils/pages/labels';

const statusLabel = (s: Meeting['status']) =>
  ({
    planned: i18n.t('meeting.status.planned'),
    held: i18n.t('meeting.status.held'),
    skipped: i18n.t('meeting.status.skipped'),
    cancelled: i18n.t('meeting.status.cancelled'),
  })[s];

/** One meeting in a person's timeline, everything recorded in it; its notes open to edit. */
export function TimelineMeeting(props: { meeting: Meeting; notes: Note[]; actions: ActionItem[] }) {
  const { meeting } = props;
  const at = meeting.heldAt ?? meeting.plannedStart ?? meeting.createdAt;
  const shared = props.notes.find((n) => n.kind === 'shared')?.text.trim();
  const memo = props.notes.find((n) => n.kind === 'private')?.text.trim();
  const share = selfShare(meeting.talkSelfMs, meeting.talkOthersMs);
  const talk = share === null ? null : `${formatNumber(share, 0)}%`;
  const headingId = `meeting-${meeting.id}`;
  return (
    <li className="timeline-meeting" data-testid="timeline-meeting" data-meeting-id={meeting.id}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <a href={`#meeting=${meeting.id}`}>{shortDateTime(at)}</a>{' '}
          <span className="tag" data-status={meeting.status}>
            {statusLabel(meeting.status)}
          </span>
        </h3>
        <p className="muted small figures">
          {meeting.condition !== null && (
            <span>{i18n.t('history.conditionValue', [String(meeting.condition)])}</span>
          )}
          {meeting.rating !== null && (
            <span>{i18n.t('history.ratingValue', [String(meeting.rating)])}</span>
          )}
          {talk !== null && <span>{i18n.t('history.talkValue', [talk])}</span>}
        </p>
        {meeting.agenda.length > 0 && (
          <ul className="agenda-summary" aria-label={i18n.t('agenda.heading')}>
            {meeting.agenda.map((item) => (
              <li key={item.id} data-done={item.done}>
                {item.done ? '✓ ' : ''}
                {item.text || i18n.t('agenda.untitled')}{' '}
                <span className="muted small">({categoryLabel(item.category)})</span>
              </li>
            ))}
          </ul>
        )}
        {shared && (
          <div className="note-text">
            <h4>{i18n.t('notes.sharedLabel')}</h4>
            <p>{shared}</p>
          </div>
        )}
        {memo && (
          <div className="note-text private">
            <h4>{i18n.t('notes.privateLabel')}</h4>
            <p>{memo}</p>
          </div>
        )}
        {(meeting.agendaSentAt !== null || meeting.recapSentAt !== null) && (
          <p className="muted small figures" data-testid="share-history">
            {meeting.agendaSentAt !== null && (
              <span>{i18n.t('share.agendaSent', [shortDateTime(meeting.agendaSentAt)])}</span>
            )}
            {meeting.recapSentAt !== null && (
              <span>{i18n.t('share.recapSent', [shortDateTime(meeting.recapSentAt)])}</span>
            )}
          </p>
        )}
        {props.actions.length > 0 && (
          <ul className="agenda-summary" aria-label={i18n.t('actions.heading')}>
            {props.actions.map((a) => (
              <li key={a.id} data-done={a.done}>
                {a.done ? '✓ ' : ''}
                {sideLabel(a.owner)}: {a.text}
              </li>
            ))}
          </ul>
        )}
      </article>
    </li>
  );
}
