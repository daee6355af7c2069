import { i18n } from '#i18n';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import type { MessageLanguage, ShareChannel } from '@/utils/model/entities';
import { MESSAGE_LANGUAGES, SHARE_CHANNELS } from '@/utils/model/enums';
import { buildAgenda, buildRecap } from '@/utils/share/message';
import { mailtoUrl } from '@/utils/share/mailto';
import { preferredChannel, type ShareKind, type ShareView } from '@/utils/share/share-view';
import { ago } from '@/utils/pages/locale';
import { channelLabel, LANGUAGE_NAMES } from '@/utils/pages/labels';
import { act, write } from '@/utils/pages/send';
import { uiLanguage } from '@/utils/pages/ui-language';
import { useLive } from '@/hooks/use-live';
import { copyMessage } from '@/utils/pages/clipboard';

type Outcome = 'copied' | 'copiedPlain' | 'copyFailed' | 'mailOpened' | 'inPerson' | null;

/**
 * Sending the agenda or the recap of one meeting: how (remembered per person), in which language
 * (the person's, else the user's), the message exactly as it will go, then Copy or a mail draft.
 * The message is built here from a view that holds no private note, and copied from this page.
 */
export function SharePanel({
  meetingId,
  kind,
  onClose,
}: {
  meetingId: string;
  kind: ShareKind;
  onClose: () => void;
}) {
  const live = useLive('getShareView', { meetingId });
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = live.state === 'ready';
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);
  if (live.state === 'loading') return <p role="status">{i18n.t('common.loading')}</p>;
  if (live.state === 'error') {
    return (
      <p role="alert" className="error">
        {i18n.t('share.loadFailed', [live.error])}
      </p>
    );
  }
  return <Ready view={live.value} kind={kind} onClose={onClose} heading={heading} />;
}

function Ready({
  view,
  kind,
  onClose,
  heading,
}: {
  view: ShareView;
  kind: ShareKind;
  onClose: () => void;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const id = useId();
  const { person, meeting } = view;
  const name = person.name || person.email;
  // Chosen here first, saved on the person for next time (the view follows a moment later).
  const [channel, setChannel] = useState<ShareChannel>(() => preferredChannel(person));
  const [language, setLanguage] = useState<MessageLanguage | null>(person.language);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [now] = useState(Date.now);
  const lang = language ?? uiLanguage();
  const message = useMemo(
    () => (kind === 'agenda' ? buildAgenda : buildRecap)(view, lang, now),
    [kind, view, lang, now],
  );
  const mailto = mailtoUrl(person.email, message.subject, message.text);
  const sentAt = kind === 'agenda' ? meeting.agendaSentAt : meeting.recapSentAt;
  const record = () => act('recordShare', { meetingId: meeting.id, kind });
  const copy = async () => {
    const copied = await copyMessage(message);
    setOutcome(copied === 'rich' ? 'copied' : copied === 'plain' ? 'copiedPlain' : 'copyFailed');
    if (copied) await record();
  };
  const copyButton = (
    <button
      type="button"
      className={channel === 'email' ? undefined : 'primary'}
      data-testid="share-copy"
      onClick={() => void copy()}
    >
      {i18n.t('share.copy')}
    </button>
  );
  const mailButton = mailto ? (
    <a
      className={channel === 'email' ? 'button primary' : 'button'}
      href={mailto}
      data-testid="share-mail"
      onClick={() => {
        setOutcome('mailOpened');
        void record();
      }}
    >
      {i18n.t('share.mail')}
    </a>
  ) : (
    <button type="button" disabled aria-describedby={`${id}-long`} data-testid="share-mail">
      {i18n.t('share.mail')}
    </button>
  );
  return (
    <section className="share" aria-labelledby={`${id}-heading`} data-testid="share-panel">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {i18n.t(kind === 'agenda' ? 'share.agendaHeading' : 'share.recapHeading', [name])}
      </h3>
      <fieldset className="share-via">
        <legend>{i18n.t('share.viaLegend', [name])}</legend>
        {SHARE_CHANNELS.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name={`${id}-via`}
              value={c}
              checked={channel === c}
              data-testid={`share-via-${c}`}
              onChange={() => {
                setChannel(c);
                void write('updatePerson', { id: person.id, patch: { shareVia: c } });
              }}
            />
            {channelLabel(c)}
          </label>
        ))}
      </fieldset>
      <p className="add-row">
        <label htmlFor={`${id}-lang`}>{i18n.t('share.languageLabel')}</label>
        <select
          id={`${id}-lang`}
          value={language ?? ''}
          data-testid="share-language"
          onChange={(e) => {
            const next = (e.target.value || null) as MessageLanguage | null;
            setLanguage(next);
            void write('updatePerson', { id: person.id, patch: { language: next } });
          }}
        >
          <option value="">{i18n.t('share.languageSame', [LANGUAGE_NAMES[uiLanguage()]])}</option>
          {MESSAGE_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </p>
      {channel === 'email' && (
        <p className="small muted">
          {person.email ? i18n.t('share.to', [person.email]) : i18n.t('share.noAddress', [name])}
          <br />
          {i18n.t('share.subject', [message.subject])}
        </p>
      )}
      {channel === 'in-person' && <p className="small muted">{i18n.t('share.inPersonHint')}</p>}
      <pre
        className="share-preview"
        lang={lang}
        tabIndex={0}
        aria-label={i18n.t('share.previewLabel')}
        data-testid="share-preview"
      >
        {message.text}
      </pre>
      <p className="small muted">{i18n.t('share.privateNever')}</p>
      <div className="add-row">
        {channel === 'email' ? (
          <>
            {mailButton}
            {copyButton}
          </>
        ) : (
          <>
            {copyButton}
            {mailButton}
          </>
        )}
        {channel === 'in-person' && (
          <button
            type="button"
            data-testid="share-in-person"
            onClick={() => {
              setOutcome('inPerson');
              void record();
            }}
          >
            {i18n.t('share.sharedInPerson')}
          </button>
        )}
        <button type="button" className="link" onClick={onClose}>
          {i18n.t('share.close')}
        </button>
      </div>
      {!mailto && (
        <p id={`${id}-long`} className="small muted">
          {i18n.t('share.tooLongForMail')}
        </p>
      )}
      <p role="status" className="small" data-testid="share-status">
        {outcome && outcomeText(outcome)}
      </p>
      {sentAt !== null && (
        <p className="small muted" data-testid="share-sent">
          {i18n.t(kind === 'agenda' ? 'share.agendaSent' : 'share.recapSent', [ago(sentAt)])}
        </p>
      )}
    </section>
  );
}

const outcomeText = (outcome: NonNullable<Outcome>) =>
  ({
    copied: i18n.t('share.copied'),
    copiedPlain: i18n.t('share.copiedPlain'),
    copyFailed: i18n.t('share.copyFailed'),
    mailOpened: i18n.t('share.mailOpened'),
    inPerson: i18n.t('share.recorded'),
  })[outcome];
