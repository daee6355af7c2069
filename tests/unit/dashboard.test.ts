import { beforeEach, describe, expect, it } from 'vitest';
import { importBackup } from '@/entrypoints/background/db/backup';
import { popupView, practiceView } from '@/entrypoints/background/db/dashboard';
import { getDb } from '@/entrypoints/background/db/database';
import { deletePerson } from '@/entrypoints/background/db/erase';
import { saveAction } from '@/entrypoints/background/db/actions';
import { saveGoal } from '@/entrypoints/background/db/goals';
import { personTimeline } from '@/entrypoints/background/db/queries';
import { tombstone, writeTransaction } from '@/entrypoints/background/db/write';
import { updateMeeting } from '@/entrypoints/background/db/meetings';
import { POPUP_LIMITS } from '@/utils/messaging/views';
import { deliver } from './helpers/deliver';
import { addAction, addMeeting, addNote, addPerson, DAY, useFreshDb } from './helpers/db';
import { senders } from './helpers/senders';
import { setupApi } from '@/entrypoints/background/api/policy';

useFreshDb();

// Relative to the real clock, as the overview figures are computed at write time.
const NOW = Math.floor(Date.now() / DAY) * DAY + 3 * 3_600_000;

beforeEach(() => {
  setupApi();
});

describe('popupView', () => {
  it('lists the next seven days, who needs attention and my own open promises', async () => {
    const aiko = await addPerson({ cadence: 'weekly' });
    const ben = await addPerson({ email: 'ben@example.com', name: 'Ben', cadence: 'weekly' });
    const cara = await addPerson({ email: 'cara@example.com', name: 'Cara', archived: true });
    for (const [days, condition] of [
      [21, 5],
      [14, 4],
      [3, 2],
    ] as const) {
      await addMeeting(aiko.id, { plannedStart: NOW - days * DAY, status: 'held', condition });
    }
    const soon = await addMeeting(aiko.id, { plannedStart: NOW + 2 * DAY });
    await addMeeting(aiko.id, { plannedStart: NOW + 9 * DAY });
    await addMeeting(ben.id, { plannedStart: NOW - 30 * DAY, status: 'held', condition: 4 });
    await addAction(aiko.id, soon.id, 'Send the list');
    await writeTransaction((ctx) =>
      saveAction(ctx, null, {
        personId: aiko.id,
        meetingId: soon.id,
        text: 'Theirs',
        owner: 'them',
      }),
    );
    await addAction(cara.id, null, 'Archived person’s');

    const view = await popupView(getDb(), NOW);
    expect(view.people.map((p) => p.name)).toEqual(['Aiko Tanaka', 'Ben']);
    expect(view.upcoming).toEqual([{ meetingId: soon.id, at: NOW + 2 * DAY, personId: aiko.id }]);
    // The most pressing first: a lapsed rhythm before a sliding condition.
    expect(view.attention).toEqual([
      { personId: ben.id, reasons: ['overdue'] },
      { personId: aiko.id, reasons: ['condition-falling'] },
    ]);
    expect(view.myActions.map((a) => a.text)).toEqual(['Send the list']);
    expect([view.attentionTotal, view.myActionsTotal]).toEqual([2, 1]);
  });

  it('shows a glance of long lists, and says how many more there are', async () => {
    for (let i = 0; i < POPUP_LIMITS.attention + 2; i++) {
      await addPerson({ email: `p${i}@example.com`, name: `P${i}` });
    }
    const aiko = await addPerson();
    for (let i = 0; i < POPUP_LIMITS.myActions + 3; i++) {
      await writeTransaction((ctx) =>
        saveAction(ctx, null, { personId: aiko.id, meetingId: null, text: `a${i}`, due: i * DAY }),
      );
    }
    const view = await popupView(getDb(), NOW);
    expect(view.attention).toHaveLength(POPUP_LIMITS.attention);
    expect(view.attentionTotal).toBe(POPUP_LIMITS.attention + 3);
    expect(view.myActions.map((a) => a.text).slice(0, 2)).toEqual(['a0', 'a1']);
    expect(view.myActions).toHaveLength(POPUP_LIMITS.myActions);
    expect(view.myActionsTotal).toBe(POPUP_LIMITS.myActions + 3);
  });
});

describe('practiceView', () => {
  it('gives twelve months of held vs scheduled and who is overdue now', async () => {
    const aiko = await addPerson({ cadence: 'weekly' });
    await addMeeting(aiko.id, {
      plannedStart: NOW - 40 * DAY,
      status: 'held',
      talkSelfMs: 1,
      talkOthersMs: 3,
      rating: 4,
    });
    await addMeeting(aiko.id, { plannedStart: NOW - 400 * DAY, status: 'held' });
    const view = await practiceView(getDb(), NOW, 12, 20);
    expect(view.months).toHaveLength(12);
    expect(view.months.reduce((n, m) => n + m.held, 0)).toBe(1);
    const month = view.months.find((m) => m.held === 1);
    expect(month).toMatchObject({ talkSelfPercent: 25, rating: 4 });
    expect(view.overdueNow).toEqual([aiko.id]);
    expect(view.talkTargetSelfPercent).toBe(20);
  });
});

describe('the person page', () => {
  it('has chart points for every held 1on1 on the first page only; done items on request', async () => {
    const aiko = await addPerson();
    const meetings = [];
    for (let i = 0; i < 25; i++) {
      meetings.push(
        await addMeeting(aiko.id, {
          plannedStart: NOW - (100 - i) * DAY,
          status: i === 3 ? 'cancelled' : 'held',
          condition: 1 + (i % 5),
          talkSelfMs: 1,
          talkOthersMs: 4,
        }),
      );
    }
    await addAction(aiko.id, meetings[0]!.id, 'Old and done', true);
    const first = await personTimeline(getDb(), aiko.id);
    expect(first.meetings).toHaveLength(20);
    expect(first.series).toHaveLength(24);
    expect(first.series[0]).toMatchObject({ condition: 1, talkSelfPercent: 20 });
    expect(first.series.map((p) => p.at)).toEqual([...first.series.map((p) => p.at)].sort());
    // Done items are read on request, whichever page their meeting is on.
    expect(first.actions).toEqual([]);
    const done = await deliver('listDoneActions', { personId: aiko.id }, senders.popup());
    expect(done.map((a) => a.text)).toEqual(['Old and done']);
    const older = await personTimeline(getDb(), aiko.id, { before: first.nextBefore! });
    expect(older.meetings).toHaveLength(5);
    expect(older.series).toEqual([]);
  });

  it('keeps the chart points in step with every write of a meeting', async () => {
    const aiko = await addPerson();
    const points = async () =>
      (await personTimeline(getDb(), aiko.id)).series.map((p) => [p.condition, p.talkSelfPercent]);
    const a = await addMeeting(aiko.id, {
      plannedStart: NOW - 9 * DAY,
      status: 'held',
      condition: 3,
    });
    const b = await addMeeting(aiko.id, {
      plannedStart: NOW - 2 * DAY,
      status: 'held',
      condition: 4,
    });
    await addMeeting(aiko.id, { plannedStart: NOW + DAY });
    expect(await points()).toEqual([
      [3, null],
      [4, null],
    ]);
    await writeTransaction((ctx) =>
      updateMeeting(ctx, a.id, { condition: 1, talkSelfMs: 1, talkOthersMs: 3 }),
    );
    expect(await points()).toEqual([
      [1, 25],
      [4, null],
    ]);
    await writeTransaction((ctx) => updateMeeting(ctx, b.id, { status: 'cancelled' }));
    expect(await points()).toEqual([[1, 25]]);
    await writeTransaction((ctx) => tombstone(ctx, 'meetings', a.id));
    expect(await points()).toEqual([]);
  });

  it('keeps each re-check of a goal, with where it stood', async () => {
    const aiko = await addPerson();
    const goal = await writeTransaction((ctx) =>
      saveGoal(ctx, null, { personId: aiko.id, text: 'Give a talk' }),
    );
    expect(goal.reviews).toEqual([]);
    await writeTransaction((ctx) => saveGoal(ctx, goal.id, { progress: 30 }));
    await writeTransaction((ctx) => saveGoal(ctx, goal.id, { reviewedAt: 1_000 }));
    const checked = await writeTransaction((ctx) =>
      saveGoal(ctx, goal.id, { reviewedAt: 2_000, progress: 70, status: 'achieved' }),
    );
    expect(checked.reviews).toEqual([
      { at: 1_000, progress: 30, status: 'active' },
      { at: 2_000, progress: 70, status: 'achieved' },
    ]);
  });

  it('exports one person as a backup that brings them back after a delete', async () => {
    const aiko = await addPerson();
    const ben = await addPerson({ email: 'ben@example.com', name: 'Ben' });
    const m = await addMeeting(aiko.id, { plannedStart: NOW - DAY, status: 'held' });
    await addNote(m.id, 'Agreed to protect Fridays');
    await addNote(m.id, 'Private thought', 'private');
    await addAction(aiko.id, m.id, 'Send the list');
    await addMeeting(ben.id, { plannedStart: NOW - DAY });

    const file = await deliver('exportPersonJson', { personId: aiko.id }, senders.popup());
    expect(file.fileName).toMatch(/^taiwa-Aiko-Tanaka-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(file.text);
    expect(backup.data.people.map((p: { name: string }) => p.name)).toEqual(['Aiko Tanaka']);
    expect(backup.data.meetings).toHaveLength(1);
    expect(backup.data.notes.map((n: { text: string }) => n.text).sort()).toEqual([
      'Agreed to protect Fridays',
      'Private thought',
    ]);
    // No device sync state in the file.
    expect(backup.data.notes[0]).not.toHaveProperty('dirty');

    await writeTransaction((ctx) => deletePerson(ctx, aiko.id));
    await importBackup(getDb(), file.text, 'merge');
    const back = await personTimeline(getDb(), aiko.id);
    expect(back.notes.map((n) => n.text).sort()).toEqual([
      'Agreed to protect Fridays',
      'Private thought',
    ]);
    expect(back.actions.map((a) => a.text)).toEqual(['Send the list']);
    // Ben was not in the file and is untouched.
    expect((await personTimeline(getDb(), ben.id)).meetings).toHaveLength(1);
  });

  it('refuses to export someone deleted, and these reads only from extension pages', async () => {
    const aiko = await addPerson();
    await writeTransaction((ctx) => deletePerson(ctx, aiko.id));
    await expect(
      deliver('exportPersonJson', { personId: aiko.id }, senders.popup()),
    ).rejects.toThrow(/not in Taiwa/);
    for (const type of ['getPopupView', 'getPractice', 'exportPersonJson'] as const) {
      const data = {
        getPopupView: undefined,
        getPractice: { months: 12 },
        exportPersonJson: { personId: aiko.id },
      }[type];
      await expect(deliver(type, data as never, senders.meetTab())).rejects.toThrow(/Refused/);
    }
  });
});

describe('the default cadence', () => {
  it('is what a person added by hand or from a call starts with', async () => {
    await deliver('saveSettings', { defaultCadence: 'monthly' }, senders.popup());
    const eri = await deliver('createPerson', { name: 'Eri' }, senders.popup());
    expect(eri.cadence).toBe('monthly');
    const chosen = await deliver(
      'createPerson',
      { name: 'Fumi', cadence: 'weekly' },
      senders.popup(),
    );
    expect(chosen.cadence).toBe('weekly');
  });
});
