import { i18n } from '#i18n';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { parseTopics, type ParsedTopics } from '@/utils/share/parse-topics';
import { responseLabel } from '@/utils/pages/labels';
import { write } from '@/utils/pages/send';

const nothingText = (nothing: ParsedTopics['nothing']) =>
  nothing === 'no-topic-of-theirs'
    ? i18n.t('paste.noTopicOfTheirs')
    : nothing === 'no-topic'
      ? i18n.t('paste.noTopic')
      : null;

/**
 * "Paste their topics": what the other person sent (a list in any common form, or a Taiwa
 * agenda), shown as Taiwa understood it, and added to the agenda as theirs only on confirm.
 */
export function PasteTopics({
  meetingId,
  name,
  onClose,
}: {
  meetingId: string;
  /** The other person, as the labels name them. */
  name: string;
  onClose: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const parsed = useMemo(() => parseTopics(text), [text]);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);
  const nothing = nothingText(parsed.nothing);
  const confirm = async () => {
    setBusy(true);
    const result = await write('addTopics', { meetingId, topics: parsed.topics });
    setBusy(false);
    if (!result) return;
    setText('');
    setDone(
      result.added
        ? [
            i18n.t('paste.added', [String(result.added)]),
            result.already ? i18n.t('paste.already', [String(result.already)]) : '',
          ]
            .filter(Boolean)
            .join(' ')
        : i18n.t('paste.nothingAdded'),
    );
  };
  return (
    <section className="share" aria-labelledby={`${id}-heading`} data-testid="paste-topics-panel">
      <h3 id={`${id}-heading`}>{i18n.t('paste.heading', [name])}</h3>
      <label htmlFor={`${id}-input`} className="small">
        {i18n.t('paste.inputLabel', [name])}
      </label>
      <textarea
        id={`${id}-input`}
        ref={input}
        rows={5}
        value={text}
        data-testid="paste-topics-input"
        onChange={(e) => {
          setText(e.target.value);
          setDone(null);
        }}
      />
      {parsed.topics.length > 0 && (
        <>
          <p className="small" id={`${id}-understood`}>
            {i18n.t('paste.understood', [String(parsed.topics.length)])}
          </p>
          <ol
            className="understood"
            aria-labelledby={`${id}-understood`}
            data-testid="paste-topics-preview"
          >
            {parsed.topics.map((topic, n) => (
              <li key={n}>
                <span>{topic.text}</span>{' '}
                {topic.response && (
                  <span className="tag small">
                    {i18n.t('paste.responseWanted', [responseLabel(topic.response)])}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {parsed.truncated && parsed.topics.length > 0 && (
        <p className="small muted">{i18n.t('paste.truncated', [String(parsed.topics.length)])}</p>
      )}
      <p role="status" className="small" data-testid="paste-topics-status">
        {done ?? nothing}
      </p>
      <div className="add-row">
        <button
          type="button"
          className="primary"
          disabled={busy || parsed.topics.length === 0}
          data-testid="paste-topics-confirm"
          onClick={() => void confirm()}
        >
          {i18n.t('paste.confirm', [String(parsed.topics.length)])}
        </button>
        <button type="button" className="link" onClick={onClose}>
          {i18n.t('share.close')}
        </button>
      </div>
    </section>
  );
}
