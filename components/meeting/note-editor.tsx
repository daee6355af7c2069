import { i18n } from '#i18n';
import { useEffect, useMemo, useRef } from 'react';
import type { Note } from '@/utils/model/entities';
import { textClock } from '@/utils/messaging/note-drafts';
import { sendMessage } from '@/utils/messaging/protocol';
import { useAutosave, type SaveState } from '@/hooks/use-autosave';
import { write } from '@/utils/pages/send';
import { insertTemplate, type NoteTemplate } from '@/utils/pages/note-templates';

const saveStateText = (state: SaveState) =>
  ({
    saved: i18n.t('notes.saved'),
    pending: i18n.t('notes.pending'),
    saving: i18n.t('notes.saving'),
    error: i18n.t('notes.error'),
  })[state];

/**
 * The shared or private note of a meeting, saved as the user types (docs/architecture.md § Data).
 */
export function NoteEditor(props: {
  meetingId: string;
  kind: Note['kind'];
  note: Note | null;
  label: string;
  hint?: string;
  rows?: number;
  /** Structures the user can insert at the cursor. */
  templates?: NoteTemplate[];
}) {
  const { meetingId, kind } = props;
  /** The note version the text here is typed over: a draft recovered later says so. */
  const base = useRef(textClock(props.note));
  const journal = useMemo(
    () => ({
      write: (text: string) =>
        void sendMessage('saveDraft', { meetingId, kind, text, base: base.current }).catch(
          () => undefined,
        ),
      drop: (text: string) =>
        void sendMessage('dropDraft', { meetingId, kind, text }).catch(() => undefined),
    }),
    [meetingId, kind],
  );
  const { text, setText, state } = useAutosave(
    props.note?.text ?? '',
    (next) =>
      write('saveNote', { meetingId, kind, text: next }).then((note) => {
        if (!note) throw new Error('not saved');
        base.current = textClock(note);
      }),
    journal,
  );
  // Moved on elsewhere while nothing was pending here: what is shown now is that version.
  useEffect(() => {
    const shown = textClock(props.note);
    // Only ever forward: a save's answer may be newer than the props that arrive after it.
    if (state === 'saved' && shown && (!base.current || shown > base.current)) base.current = shown;
  }, [props.note, state]);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = `note-${props.kind}`;
  const insert = (template: NoteTemplate) => {
    const el = area.current;
    const at = el ? el.selectionStart : text.length;
    const next = insertTemplate(text, at, template.body);
    setText(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };
  return (
    <div className="note">
      <div className="note-head">
        <label htmlFor={id} className="grow">
          {props.label}
        </label>
        {props.templates && props.templates.length > 0 && (
          <select
            aria-label={i18n.t('templates.insert')}
            data-testid={`templates-${props.kind}`}
            value=""
            onChange={(e) => {
              const chosen = props.templates?.find((t) => t.id === e.target.value);
              if (chosen) insert(chosen);
            }}
          >
            <option value="">{i18n.t('templates.insert')}</option>
            {props.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        )}
      </div>
      {props.hint && <p className="muted small">{props.hint}</p>}
      <textarea
        ref={area}
        id={id}
        data-testid={`notes-${props.kind}`}
        rows={props.rows ?? 4}
        value={text}
        maxLength={200_000}
        onChange={(e) => setText(e.target.value)}
      />
      <span className="save-state small muted" role="status" data-state={state}>
        {saveStateText(state)}
      </span>
    </div>
  );
}
