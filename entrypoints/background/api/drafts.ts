import { dropDraft as drop, journalDraft } from '../note-drafts';
import type { Handler } from './serve';

/* The note-draft journal (see note-drafts.ts): a note's text journalled as it is typed. */

export const saveDraft: Handler<'saveDraft'> = ({ meetingId, kind, text, base }) =>
  journalDraft(meetingId, kind, text, base);

export const dropDraft: Handler<'dropDraft'> = ({ meetingId, kind, text }) =>
  drop(meetingId, kind, text);
