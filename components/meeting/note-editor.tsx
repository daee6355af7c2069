import { i18n } from '#i18n';
import { useRef } from 'react';
import type { Note } from '@/utils/model/entities';
import { noteDraftKey } from '@/utils/messaging/note-drafts';
import { useAutosave, type SaveState } from '../use-autosave';
import { write } from '../send';
import { insertTemplate, type NoteTemplate } from './note-templates';

const saveStateText = (state: SaveState) =>
  ({
    saved: i18n.t('notes.saved'),
    pending: i18n.t('notes.pending'),
    saving: i18n.t('notes.saving'),
    error: i18n.t('notes.error'),
  })[state];

/** The shared or private note of a meeting, saved as the user types (DESIGN.md). */
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
  const { text, setText, state } = useAutosave(
    props.note?.text ?? '',
    (next) =>
      write('saveNote', { meetingId: props.meetingId, kind: props.kind, text: next }).then((ok) => {
        if (!ok) throw new Error('not saved');
      }),
    noteDraftKey(props.meetingId, props.kind),
  );
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
