import { i18n } from '#i18n';
import type { Note } from '@/utils/model/entities';
import { useAutosave, type SaveState } from '../use-autosave';
import { write } from '../send';

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
}) {
  const { text, setText, state } = useAutosave(props.note?.text ?? '', (next) =>
    write('saveNote', { meetingId: props.meetingId, kind: props.kind, text: next }).then((ok) => {
      if (!ok) throw new Error('not saved');
    }),
  );
  const id = `note-${props.kind}`;
  return (
    <div className="note">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="muted small">{props.hint}</p>}
      <textarea
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
