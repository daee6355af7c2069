import { describe, expect, it } from 'vitest';
import { commitDraft, mergeDraft, RECOVERED_MARK } from '@/entrypoints/background/note-drafts';
import { getDb } from '@/entrypoints/background/db/database';
import { insertTemplate } from '@/components/meeting/note-templates';
import { noteDraftKey, readNoteDraft, writeNoteDraft } from '@/utils/messaging/note-drafts';
import { addMeeting, addNote, addPerson, useFreshDb } from './helpers/db';

useFreshDb();

const noteText = async (meetingId: string, kind: 'shared' | 'private' = 'shared') =>
  (await getDb().notes.where('[meetingId+kind]').equals([meetingId, kind]).first())?.text;

describe('note drafts left behind by a closed view', () => {
  it('are committed to the note and then forgotten', async () => {
    const meeting = await addMeeting((await addPerson()).id);
    const key = noteDraftKey(meeting.id, 'private');
    await writeNoteDraft(key, 'typed just before the tab closed');
    await commitDraft(key);
    expect(await noteText(meeting.id, 'private')).toBe('typed just before the tab closed');
    expect(await readNoteDraft(key)).toBeNull();
  });

  it('never overwrite a note changed later elsewhere: both texts are kept', async () => {
    const draft = { text: 'my draft', at: 1_000 };
    expect(mergeDraft(null, draft)).toBe('my draft');
    expect(mergeDraft({ text: 'my dr', updatedAt: 1_300 }, draft)).toBe('my draft');
    expect(mergeDraft({ text: 'my draft', updatedAt: 9_000 }, draft)).toBeNull();
    expect(mergeDraft({ text: 'other device', updatedAt: 60_000 }, draft)).toBe(
      `other device${RECOVERED_MARK}my draft`,
    );
    expect(mergeDraft({ text: 'has my draft in it', updatedAt: 60_000 }, draft)).toBeNull();
  });

  it('for a deleted meeting are dropped; other storage keys are left alone', async () => {
    const meeting = await addMeeting((await addPerson()).id);
    await addNote(meeting.id, 'kept');
    const key = noteDraftKey('gone-meeting', 'shared');
    await writeNoteDraft(key, 'orphan');
    await commitDraft(key);
    expect(await readNoteDraft(key)).toBeNull();
    await commitDraft('settings');
    expect(await noteText(meeting.id)).toBe('kept');
  });
});

describe('inserting a template into notes', () => {
  it('puts it on a line of its own at the cursor and says where the cursor goes', () => {
    expect(insertTemplate('', 0, 'A:\nB:')).toEqual({ text: 'A:\nB:\n', cursor: 6 });
    expect(insertTemplate('intro', 5, 'A:\n')).toEqual({ text: 'intro\nA:\n', cursor: 9 });
    expect(insertTemplate('one\ntwo', 4, 'A:\n')).toEqual({ text: 'one\nA:\ntwo', cursor: 7 });
    expect(insertTemplate('x', 99, 'A:')).toEqual({ text: 'x\nA:\n', cursor: 5 });
  });
});
