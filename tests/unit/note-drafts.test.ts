import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  commitDraft,
  mergeDraft,
  recoverDrafts,
  setupNoteDrafts,
} from '@/entrypoints/background/note-drafts';
import { getDb } from '@/entrypoints/background/db/database';
import { insertTemplate } from '@/utils/pages/note-templates';
import { encodeHlc } from '@/utils/domain/hlc';
import { textClock, type NoteDraft } from '@/utils/messaging/note-drafts';
import { addMeeting, addNote, addPerson, useFreshDb } from './helpers/db';
import { deliver } from './helpers/deliver';
import { senders } from './helpers/senders';
import { setupApi } from '@/entrypoints/background/api/policy';

useFreshDb();
beforeEach(() => {
  setupApi();
  setupNoteDrafts();
});

const noteOf = (meetingId: string, kind: 'shared' | 'private' = 'shared') =>
  getDb().notes.where('[meetingId+kind]').equals([meetingId, kind]).first();
const clock = (wall: number, device = 'other') => encodeHlc({ wall, counter: 0, deviceId: device });
const note = (text: string, textHlc: string) => ({
  text,
  hlc: textHlc,
  fieldHlc: { text: textHlc },
});
const journaled = async () =>
  (await getDb().meta.where('key').startsWith('draft:').toArray()).map((r) => r.value as NoteDraft);

describe('note drafts', () => {
  it('are journaled in the database (never extension storage) and committed once their view is gone', async () => {
    const meeting = await addMeeting((await addPerson()).id);
    const frame = senders.sidebarFrame();
    await deliver(
      'saveDraft',
      {
        meetingId: meeting.id,
        kind: 'private',
        text: 'typed just before the tab closed',
        base: null,
      },
      frame,
    );
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await journaled()).toMatchObject([{ text: 'typed just before the tab closed' }]);
    await commitDraft(`draft:${meeting.id}:private`);
    expect((await noteOf(meeting.id, 'private'))?.text).toBe('typed just before the tab closed');
    expect(await journaled()).toEqual([]);
  });

  it('are dropped once saved, unless newer text was journaled since', async () => {
    const meeting = await addMeeting((await addPerson()).id);
    const frame = senders.panelFrame();
    const at = { meetingId: meeting.id, kind: 'shared' } as const;
    const journal = (text: string) => deliver('saveDraft', { ...at, text, base: null }, frame);
    const drop = (text: string) => deliver('dropDraft', { ...at, text }, frame);
    await journal('abc');
    await journal('abcd');
    await drop('abc');
    expect(await journaled()).toMatchObject([{ text: 'abcd' }]);
    await drop('abcd');
    expect(await journaled()).toEqual([]);
  });

  it('continue the note they were typed over; a note that moved on keeps both texts', () => {
    const draft: NoteDraft = { text: 'my draft', at: 1_000, base: clock(500, 'me') };
    expect(mergeDraft(null, draft)).toBe('my draft');
    expect(mergeDraft(note('my dr', clock(500, 'me')), draft)).toBe('my draft');
    expect(mergeDraft(note('has my draft in it', clock(900)), draft)).toBeNull();
    // Text deleted in the draft stays deleted while the note is the one it was typed over.
    expect(mergeDraft(note('my draft, and more', clock(500, 'me')), draft)).toBe('my draft');
    // Edited on another device after the draft's typing began, with a clock running an hour
    // behind (so its wall time looks older than the draft): still never replaced.
    const moved = mergeDraft(note('edit from the laptop', clock(1_000 - 3_600_000)), draft)!;
    expect(moved).toMatch(
      /^edit from the laptop\n\n――― 別の端末での編集 \/ Edited on another device \(.*\) ―――\nmy draft$/,
    );
  });

  it('committed over a note edited elsewhere lose nothing', async () => {
    const meeting = await addMeeting((await addPerson()).id);
    const first = await addNote(meeting.id, 'first version');
    const base = textClock(first);
    await addNote(meeting.id, 'changed on another device');
    await getDb().meta.put({
      key: `draft:${meeting.id}:shared`,
      value: { text: 'first version, and my addition', at: Date.now() + 3_600_000, base },
    });
    await commitDraft(`draft:${meeting.id}:shared`);
    const text = (await noteOf(meeting.id))!.text;
    expect(text).toContain('changed on another device');
    expect(text).toContain('first version, and my addition');
  });

  it('left by an older version in extension storage are moved here, and kept whole', async () => {
    const meeting = await addMeeting((await addPerson()).id);
    await addNote(meeting.id, 'saved before the update');
    await fakeBrowser.storage.local.set({
      [`noteDraft:${meeting.id}:shared`]: { text: 'typed before the update', at: 1 },
      settings: { keywords: [] },
    });
    const keys = await recoverDrafts();
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['settings']);
    for (const key of keys) await commitDraft(key);
    const text = (await noteOf(meeting.id))!.text;
    expect(text).toContain('saved before the update');
    expect(text).toContain('typed before the update');
  });

  it('for a deleted meeting are dropped; other notes are left alone', async () => {
    const meeting = await addMeeting((await addPerson()).id);
    await addNote(meeting.id, 'kept');
    await getDb().meta.put({
      key: 'draft:gone-meeting:shared',
      value: { text: 'orphan', at: 1, base: null },
    });
    await commitDraft('draft:gone-meeting:shared');
    expect(await journaled()).toEqual([]);
    expect((await noteOf(meeting.id))?.text).toBe('kept');
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
