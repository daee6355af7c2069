import { i18n } from '#i18n';
import { useId, useRef, useState } from 'react';
import type { Relationship } from '@/utils/model/entities';
import { memberSide } from '@/utils/domain/agenda';
import { PasteTopics } from './paste-topics';
import { SharePanel } from './share-panel';

/** "Send agenda", or "Send agenda to my manager" (or mentor) when the user is the member. */
export function agendaLabelFor(relationship: Relationship): string {
  if (memberSide(relationship) === 'them') return i18n.t('share.agenda');
  return relationship === 'my-manager'
    ? i18n.t('share.agendaToManager')
    : i18n.t('share.agendaToMentor');
}

export type ShareAction = 'paste' | 'agenda' | 'recap';

const TEST_IDS: Record<ShareAction, string> = {
  paste: 'paste-topics',
  agenda: 'share-agenda',
  recap: 'share-recap',
};

/**
 * The buttons that face the other person: take their topics in, send the agenda, send the
 * recap. One opens below at a time; closing it puts the focus back on its button.
 */
export function ShareRow(props: ShareRowProps) {
  // Started over for each meeting: a reused card or a switched call never shows, or adds to
  // another person's agenda, what was opened or pasted for the previous one.
  return <ShareRowOf key={props.meetingId} {...props} />;
}

interface ShareRowProps {
  meetingId: string;
  /** The other person, as the labels name them. */
  name: string;
  actions: readonly ShareAction[];
  /** "Send agenda to my manager" when the user is the member. */
  agendaLabel?: string;
}

function ShareRowOf({
  meetingId,
  name,
  actions,
  agendaLabel = i18n.t('share.agenda'),
}: ShareRowProps) {
  const id = useId();
  const [open, setOpen] = useState<ShareAction | null>(null);
  const buttons = useRef(new Map<ShareAction, HTMLButtonElement | null>());
  const close = () => {
    const was = open;
    setOpen(null);
    if (was) requestAnimationFrame(() => buttons.current.get(was)?.focus());
  };
  const label = (action: ShareAction) =>
    ({
      paste: i18n.t('paste.open'),
      agenda: agendaLabel,
      recap: i18n.t('share.recap'),
    })[action];
  return (
    <div className="share-row">
      <div className="add-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            ref={(el) => void buttons.current.set(action, el)}
            aria-expanded={open === action}
            aria-controls={open === action ? `${id}-open` : undefined}
            data-testid={TEST_IDS[action]}
            onClick={() => setOpen(open === action ? null : action)}
          >
            {label(action)}
          </button>
        ))}
      </div>
      {open && (
        <div id={`${id}-open`}>
          {open === 'paste' ? (
            <PasteTopics meetingId={meetingId} name={name} onClose={close} />
          ) : (
            <SharePanel meetingId={meetingId} kind={open} onClose={close} />
          )}
        </div>
      )}
    </div>
  );
}
