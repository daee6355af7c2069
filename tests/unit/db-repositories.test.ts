import { describe, expect, it } from 'vitest';
import { getDb } from '@/entrypoints/background/db/database';
import { recordCalendarEvent } from '@/entrypoints/background/db/detection';
import { deleteEverything, deletePerson } from '@/entrypoints/background/db/erase';
import { saveAction } from '@/entrypoints/background/db/actions';
import { saveGoal } from '@/entrypoints/background/db/goals';
import { saveNote } from '@/entrypoints/background/db/notes';
import { saveTemplate } from '@/entrypoints/background/db/templates';
import { setSeriesOverride } from '@/entrypoints/background/db/series-overrides';
import { findMeetingByMeetCode, updateMeeting } from '@/entrypoints/background/db/meetings';
import { updatePerson, upsertPersonFromGoogle } from '@/entrypoints/background/db/people';
import { meetingView, openActions } from '@/entrypoints/background/db/queries';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { addAction, addMeeting, addNote, addPerson, DAY, useFreshDb } from './helpers/db';

useFreshDb();

const T0 = Date.UTC(2026, 10, 24, 1);
const event = (patch: Partial<Parameters<typeof recordCalendarEvent>[0]> = {}) => ({
  eventId: 'aiko1on1_20261124T010000Z',
  seriesId: 'aiko1on1',
  title: '1on1 Aiko / Ben',
  start: T0,
  end: T0 + 30 * 60_000,
  meetCode: 'abc-defg-hij',
  guests: [
    { email: 'ben.suzuki@example.com', name: 'Ben Suzuki' },
    { email: 'Aiko.Tanaka@Example.com', name: 'Aiko Tanaka' },
    { email: 'c_1@resource.calendar.google.com', name: 'Room', isResource: true },
  ],
  organizerEmail: 'ben.suzuki@example.com',
  selfEmail: 'ben.suzuki@example.com',
  ...patch,
});

describe('people', () => {
  it('treats differently cased addresses as one person', async () => {
    const a = await writeTransaction((ctx) =>
      upsertPersonFromGoogle(ctx, { email: 'Aiko.Tanaka@Example.com', name: 'Aiko' }, 'biweekly'),
    );
    const b = await writeTransaction((ctx) =>
      upsertPersonFromGoogle(ctx, { email: 'aiko.tanaka@example.com ', name: 'Aiko' }, 'biweekly'),
    );
    expect(b.id).toBe(a.id);
    expect(a.email).toBe('aiko.tanaka@example.com');
    expect(await getDb().people.count()).toBe(1);
  });

  it('follows a rename in Google, unless the user named the person', async () => {
    const first = await writeTransaction((ctx) =>
      upsertPersonFromGoogle(ctx, { email: 'a@example.com', name: 'Aiko Sato' }, 'biweekly'),
    );
    const renamed = await writeTransaction((ctx) =>
      upsertPersonFromGoogle(ctx, { email: 'a@example.com', name: 'Aiko Tanaka' }, 'biweekly'),
    );
    expect(renamed.name).toBe('Aiko Tanaka');
    await writeTransaction((ctx) => updatePerson(ctx, first.id, { name: 'あいこさん' }));
    const kept = await writeTransaction((ctx) =>
      upsertPersonFromGoogle(ctx, { email: 'a@example.com', name: 'Aiko T.' }, 'biweekly'),
    );
    expect(kept.name).toBe('あいこさん');
  });

  it('refuses a second person with the same address', async () => {
    await addPerson({ email: 'a@example.com' });
    const b = await addPerson({ email: 'b@example.com' });
    await expect(addPerson({ email: 'A@example.com' })).rejects.toThrow(/already belongs/);
    await expect(
      writeTransaction((ctx) => updatePerson(ctx, b.id, { email: 'a@EXAMPLE.com' })),
    ).rejects.toThrow(/already belongs/);
  });
});

describe('recordCalendarEvent', () => {
  it('creates the person and the planned meeting, with the Meet code', async () => {
    const result = await recordCalendarEvent(event(), DEFAULT_SETTINGS);
    expect(result).toMatchObject({ isOneOnOne: true, reason: 'keyword' });
    const meeting = await getDb().meetings.get(result.meetingId!);
    expect(meeting).toMatchObject({
      status: 'planned',
      plannedStart: T0,
      meetCode: 'abc-defg-hij',
    });
    const person = await getDb().people.get(result.personId!);
    expect(person).toMatchObject({ email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka' });
    expect((await findMeetingByMeetCode(getDb(), 'abc-defg-hij'))?.id).toBe(meeting!.id);
  });

  it('keeps a moved meeting as the same meeting, with its notes', async () => {
    const first = await recordCalendarEvent(event(), DEFAULT_SETTINGS);
    await addNote(first.meetingId!, 'Talked about the launch');
    const moved = await recordCalendarEvent(
      event({ start: T0 + DAY, end: T0 + DAY + 30 * 60_000 }),
      DEFAULT_SETTINGS,
    );
    expect(moved.meetingId).toBe(first.meetingId);
    expect(await getDb().meetings.count()).toBe(1);
    const view = await meetingView(getDb(), moved.meetingId!);
    expect(view.meeting.plannedStart).toBe(T0 + DAY);
    expect(view.shared?.text).toBe('Talked about the launch');
  });

  it('records nothing for a group meeting, and honours a series override', async () => {
    const team = event({
      title: 'Team weekly',
      guests: [...event().guests, { email: 'c@example.com', name: 'C' }],
    });
    expect(await recordCalendarEvent(team, DEFAULT_SETTINGS)).toMatchObject({
      isOneOnOne: false,
      meetingId: null,
    });
    expect(await getDb().meetings.count()).toBe(0);
    await writeTransaction((ctx) => setSeriesOverride(ctx, 'aiko1on1', 'never'));
    expect((await recordCalendarEvent(event(), DEFAULT_SETTINGS)).isOneOnOne).toBe(false);
    await writeTransaction((ctx) => setSeriesOverride(ctx, 'aiko1on1', 'auto'));
    expect((await recordCalendarEvent(event(), DEFAULT_SETTINGS)).isOneOnOne).toBe(true);
  });

  it("honours the person's override and the opt-in 面談 keyword", async () => {
    const interview = event({
      title: '面談',
      guests: [...event().guests, { email: 'x@example.com' }],
    });
    expect((await recordCalendarEvent(interview, DEFAULT_SETTINGS)).isOneOnOne).toBe(false);
    expect(
      (await recordCalendarEvent(interview, { ...DEFAULT_SETTINGS, includeMendan: true }))
        .isOneOnOne,
    ).toBe(true);
    const person = await addPerson({ email: 'dana@example.com', override: 'never' });
    const withDana = event({
      eventId: 'd1',
      guests: [{ email: 'ben.suzuki@example.com' }, { email: person.email }],
    });
    expect(await recordCalendarEvent(withDana, DEFAULT_SETTINGS)).toMatchObject({
      isOneOnOne: false,
      reason: 'person-override',
    });
  });
});

describe('meetings, notes and actions', () => {
  it('stamps the time a meeting is marked held', async () => {
    const person = await addPerson();
    const meeting = await addMeeting(person.id);
    const held = await writeTransaction((ctx) =>
      updateMeeting(ctx, meeting.id, { status: 'held' }),
    );
    expect(held.heldAt).toBeGreaterThan(0);
  });

  it('keeps one shared and one private note per meeting, apart', async () => {
    const person = await addPerson();
    const meeting = await addMeeting(person.id);
    await addNote(meeting.id, 'shared v1');
    await addNote(meeting.id, 'only mine', 'private');
    await addNote(meeting.id, 'shared v2');
    const notes = await getDb().notes.where('meetingId').equals(meeting.id).toArray();
    expect(notes.map((n) => [n.kind, n.text]).sort()).toEqual([
      ['private', 'only mine'],
      ['shared', 'shared v2'],
    ]);
  });

  it('refuses notes and actions for missing meetings or people', async () => {
    const person = await addPerson();
    await expect(
      writeTransaction((ctx) => saveNote(ctx, 'missing', 'shared', 'x')),
    ).rejects.toThrow(/No meetings record/);
    await expect(addAction('missing', null, 'x')).rejects.toThrow(/No people record/);
    const other = await addPerson({ email: 'o@example.com' });
    const theirs = await addMeeting(other.id);
    await expect(addAction(person.id, theirs.id, 'x')).rejects.toThrow(/No meetings record/);
  });

  it('shows an action checked off in another view as done everywhere', async () => {
    const person = await addPerson();
    const m1 = await addMeeting(person.id, { plannedStart: T0, status: 'held' });
    const m2 = await addMeeting(person.id, { plannedStart: T0 + 7 * DAY });
    const action = await addAction(person.id, m1.id, 'Send the career doc');
    expect((await meetingView(getDb(), m2.id)).openActions.map((a) => a.id)).toEqual([action.id]);
    const done = await writeTransaction((ctx) => saveAction(ctx, action.id, { done: true }));
    expect(done.doneAt).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 5));
    const again = await writeTransaction((ctx) => saveAction(ctx, action.id, { done: true }));
    expect(again.doneAt).toBe(done.doneAt); // checked off again in another view: first time kept
    expect(again.version).toBe(done.version);
    expect((await meetingView(getDb(), m2.id)).openActions).toEqual([]);
    expect(await openActions(getDb())).toEqual([]);
    const reopened = await writeTransaction((ctx) => saveAction(ctx, action.id, { done: false }));
    expect(reopened.doneAt).toBeNull();
  });
});

describe('goals, templates and open actions', () => {
  it('creates and edits goals and templates, refusing a goal of nobody', async () => {
    const person = await addPerson();
    const goal = await writeTransaction((ctx) =>
      saveGoal(ctx, null, { personId: person.id, text: 'Lead the migration' }),
    );
    const moved = await writeTransaction((ctx) => saveGoal(ctx, goal.id, { progress: 60 }));
    expect(moved).toMatchObject({ progress: 60, status: 'active', version: 2 });
    await expect(
      writeTransaction((ctx) => saveGoal(ctx, null, { personId: 'ghost', text: 'x' })),
    ).rejects.toThrow(/No people record/);
    const prompt = await writeTransaction((ctx) =>
      saveTemplate(ctx, null, {
        kind: 'prompt',
        theme: 'career',
        title: '5年後',
        body: '5年後どうなっていたい？',
      }),
    );
    const edited = await writeTransaction((ctx) => saveTemplate(ctx, prompt.id, { title: '将来' }));
    expect(edited).toMatchObject({ title: '将来', body: '5年後どうなっていたい？' });
  });

  it("lists open actions across people, or only the user's own", async () => {
    const aiko = await addPerson();
    const ben = await addPerson({ email: 'ben@example.com' });
    await writeTransaction((ctx) =>
      saveAction(ctx, null, { personId: aiko.id, meetingId: null, text: 'mine', owner: 'me' }),
    );
    await writeTransaction((ctx) =>
      saveAction(ctx, null, { personId: ben.id, meetingId: null, text: 'theirs', owner: 'them' }),
    );
    await addAction(ben.id, null, 'done already', true);
    expect((await openActions(getDb())).map((a) => a.text).sort()).toEqual(['mine', 'theirs']);
    expect((await openActions(getDb(), 'me')).map((a) => a.text)).toEqual(['mine']);
  });
});

describe('deletion', () => {
  it('deletes a person with all their data and nobody else', async () => {
    const aiko = await addPerson();
    const ben = await addPerson({ email: 'ben@example.com', name: 'Ben' });
    for (const person of [aiko, ben]) {
      const meeting = await addMeeting(person.id, { title: `1on1 ${person.name}` });
      await addNote(meeting.id, `note about ${person.name}`);
      await addAction(person.id, meeting.id, `action for ${person.name}`);
    }
    await writeTransaction((ctx) => deletePerson(ctx, aiko.id));
    const db = getDb();
    const rows = [
      ...(await db.people.toArray()),
      ...(await db.meetings.toArray()),
      ...(await db.notes.toArray()),
      ...(await db.actions.toArray()),
    ];
    const text = JSON.stringify(rows.filter((r) => !r.deleted));
    expect(text).not.toContain('Aiko');
    expect(JSON.stringify(rows)).not.toContain('Aiko');
    expect(text).toContain('note about Ben');
    await expect(writeTransaction((ctx) => deletePerson(ctx, aiko.id))).rejects.toThrow();
  });

  it('deletes everything', async () => {
    const person = await addPerson();
    await addNote((await addMeeting(person.id)).id, '秘密のメモ');
    await writeTransaction((ctx) => deleteEverything(ctx));
    const db = getDb();
    for (const table of ['people', 'meetings', 'notes', 'actions'] as const) {
      expect((await db.records(table).toArray()).every((r) => r.deleted)).toBe(true);
    }
    expect(JSON.stringify(await db.notes.toArray())).not.toContain('秘密');
  });
});
