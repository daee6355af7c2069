import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, SCHEMAS, TaiwaDb } from '@/entrypoints/background/db/database';
import { search } from '@/entrypoints/background/db/search';

const meta = {
  createdAt: 1,
  updatedAt: 1,
  hlc: '000000000000001:00000:d',
  fieldHlc: {},
  deviceId: 'd',
  dirty: 1,
  version: 1,
  rev: null,
  deleted: 0,
};

describe('schema migrations', () => {
  it('has a schema for every version up to the current one', () => {
    expect(Object.keys(SCHEMAS).map(Number)).toEqual(
      Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1),
    );
  });

  it('upgrades a version 1 database without losing anything, and indexes it', async () => {
    const name = `taiwa-migrate-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMAS[1]);
    await v1.table('people').add({ ...meta, id: 'p1', email: 'a@example.com', name: 'Aiko' });
    await v1.table('meetings').add({
      ...meta,
      id: 'm1',
      personId: 'p1',
      title: 'キャリア面談',
      plannedStart: 500,
      heldAt: null,
      agenda: [],
    });
    await v1.table('notes').add({
      ...meta,
      id: 'n1',
      meetingId: 'm1',
      personId: 'p1',
      kind: 'shared',
      text: 'Promotion plan',
    });
    await v1.table('actions').add({
      ...meta,
      id: 'a1',
      personId: 'p1',
      meetingId: 'm1',
      text: 'Book training',
      done: false,
    });
    await v1
      .table('actions')
      .add({ ...meta, id: 'a2', personId: 'p1', meetingId: 'm1', text: 'Old', done: true });
    v1.close();

    const db = new TaiwaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.people.get('p1')).toMatchObject({ name: 'Aiko' });
    expect(await db.meetings.get('m1')).toMatchObject({ at: 500, title: 'キャリア面談' });
    expect(await db.actions.where('open').equals(1).primaryKeys()).toEqual(['a1']);
    expect((await search(db, 'promotion')).map((h) => h.id)).toEqual(['n1']);
    expect((await search(db, 'キャリア')).map((h) => h.id)).toEqual(['m1']);
    db.close();
    await db.delete();
  });

  it('upgrades a version 2 database: goal histories, open items by owner and due, chart points', async () => {
    const name = `taiwa-migrate-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMAS[2]);
    const goal = {
      ...meta,
      id: 'g1',
      personId: 'p1',
      text: 'Lead a release',
      status: 'active',
      progress: 40,
      targetDate: null,
      reviewedAt: 900,
    };
    await v2.table('goals').add(goal);
    await v2.table('people').add({ ...meta, id: 'p1', email: 'a@example.com', name: 'Aiko' });
    await v2.table('meetings').add({
      ...meta,
      id: 'm1',
      personId: 'p1',
      title: '1on1',
      plannedStart: 500,
      at: 500,
      heldAt: 500,
      status: 'held',
      condition: 4,
      rating: null,
      talkSelfMs: null,
      talkOthersMs: null,
      agenda: [],
    });
    const action = {
      ...meta,
      id: 'a1',
      personId: 'p1',
      meetingId: 'm1',
      owner: 'me',
      text: 'Book',
      done: false,
      due: null,
      doneAt: null,
      open: 1,
    };
    await v2.table('actions').add(action);
    await v2.table('personStats').add({ personId: 'p1', held: [], planned: [], openActions: 1 });
    v2.close();

    const db = new TaiwaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.goals.get('g1')).toEqual({ ...goal, reviews: [], pending: meta.hlc });
    // Open items are indexed by owner and due date; the person's chart points are filled in.
    expect(
      await db.actions
        .where('[open+owner+dueKey]')
        .between([1, 'me', 0], [1, 'me', Infinity])
        .primaryKeys(),
    ).toEqual(['a1']);
    expect((await db.personSeries.get('p1'))?.points).toEqual([
      { meetingId: 'm1', at: 500, condition: 4, rating: null, talkSelfPercent: null },
    ]);
    db.close();
    await db.delete();
  });

  it('upgrades a version 3 database: unsent records queued for sync, notes get their text clock table', async () => {
    const name = `taiwa-migrate-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMAS[3]);
    const note = {
      ...meta,
      id: 'n1',
      meetingId: 'm1',
      personId: 'p1',
      kind: 'shared',
      text: 'キャリアの話',
      tokens: ['x'],
    };
    await v3.table('notes').add(note);
    await v3.table('meta').add({ key: 'deviceId', value: 'd1' });
    v3.close();

    const db = new TaiwaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // (Its search words are derived again by v6.)
    expect(await db.notes.get('n1')).toEqual({
      ...note,
      pending: meta.hlc,
      tokens: expect.any(Array),
    });
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'd1' });
    expect(await db.syncBase.count()).toBe(0);
    // Records written before sync existed are queued to be sent; clean ones are not.
    await db.notes.put({ ...note, id: 'n2', dirty: 0 } as never);
    expect(await db.notes.where('pending').above('').primaryKeys()).toEqual(['n1']);
    await db.syncBase.put({ id: 'n1', textHlc: 'c' });
    expect(await db.syncBase.get('n1')).toEqual({ id: 'n1', textHlc: 'c' });
    db.close();
    await db.delete();
  });

  it('upgrades a version 4 database: what each synced record was on the server counts as seen there', async () => {
    const name = `taiwa-migrate-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMAS[4]);
    const [t1, t2] = ['001790000000000:00000:d', '001790000000001:00000:d'];
    const synced = { ...meta, dirty: 0, rev: '2-a', hlc: t1, fieldHlc: { email: t1 } };
    const person = { ...synced, id: 'p1', email: 'a@example.com', name: 'Aiko' };
    await v4.table('people').bulkAdd([
      person,
      // Deleted, and synced: a deletion seen on the server.
      { ...person, id: 'p2', deleted: 1, hlc: t2, fieldHlc: { deleted: t2 } },
      // Waiting to be sent, or never synced: the server's version is not known here.
      { ...person, id: 'p3', dirty: 1, pending: t1 },
      { ...person, id: 'p4', rev: null },
    ]);
    const note = {
      ...synced,
      id: 'n1',
      meetingId: 'm1',
      personId: 'p1',
      kind: 'private',
      text: 'x',
    };
    await v4.table('notes').add(note);
    v4.close();

    const db = new TaiwaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.syncSeen.toArray()).toEqual([
      { id: 'notes/n1', hlc: t1, deletedAt: '' },
      { id: 'people/p1', hlc: t1, deletedAt: '' },
      { id: 'people/p2', hlc: t2, deletedAt: t2 },
    ]);
    // (v6 adds the sharing fields, empty.)
    expect(await db.people.get('p1')).toEqual({ ...person, language: null, shareVia: null });
    db.close();
    await db.delete();
  });

  it('upgrades a version 6 database: people and meetings get the sharing fields, empty; nothing else moves', async () => {
    const name = `taiwa-migrate-${crypto.randomUUID()}`;
    const v6 = new Dexie(name);
    v6.version(6).stores(SCHEMAS[6]);
    const person = {
      ...meta,
      id: 'p1',
      email: 'aiko@example.com',
      name: 'Aiko',
      nameEditedByUser: false,
      relationship: 'report',
      cadence: 'weekly',
      profile: { career: '', values: '', strengths: '' },
      archived: false,
      override: 'auto',
      pending: meta.hlc,
    };
    const meeting = {
      ...meta,
      id: 'm1',
      personId: 'p1',
      title: '1on1',
      eventId: null,
      seriesId: null,
      meetCode: null,
      plannedStart: 5,
      plannedEnd: null,
      status: 'held',
      heldAt: 5,
      agenda: [],
      condition: 3,
      rating: null,
      talkSelfMs: null,
      talkOthersMs: null,
      at: 5,
      tokens: [],
      pending: meta.hlc,
    };
    await v6.table('people').bulkAdd([person, { ...person, id: 'p2', deleted: 1, email: '' }]);
    await v6.table('meetings').add(meeting);
    v6.close();

    const db = new TaiwaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.people.get('p1')).toEqual({ ...person, language: null, shareVia: null });
    expect(await db.people.get('p2')).toMatchObject({ deleted: 1, language: null, shareVia: null });
    expect(await db.meetings.get('m1')).toEqual({
      ...meeting,
      agendaSentAt: null,
      recapSentAt: null,
    });
    // Every upgraded row is valid under the current schemas (backups and sync check them).
    const { personSchema, meetingSchema } = await import('@/utils/model/entities');
    const { pending: _p, ...personRecord } = (await db.people.get('p1'))!;
    expect(personSchema.safeParse(personRecord).success).toBe(true);
    const { pending: _m, at: _a, tokens: _t, ...meetingRecord } = (await db.meetings.get('m1'))!;
    expect(meetingSchema.safeParse(meetingRecord).success).toBe(true);
    db.close();
    await db.delete();
  });

  it('upgrades a version 5 database: search words derived again, with those Firefox left out', async () => {
    const name = `taiwa-migrate-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMAS[5]);
    // As Firefox 153 indexed them before: "紹介" and "山田" were no words to its segmenter.
    await v5.table('actions').add({
      ...meta,
      id: 'a1',
      personId: 'p1',
      meetingId: 'm1',
      text: 'メンター 紹介',
      done: false,
      tokens: ['メンター\u00018209999999998'],
      open: 1,
    });
    await v5.table('notes').add({
      ...meta,
      id: 'n1',
      meetingId: 'm1',
      personId: 'p1',
      kind: 'shared',
      text: '山田 太郎さんと相談',
      tokens: [],
    });
    v5.close();

    const db = new TaiwaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await search(db, '紹介')).map((h) => h.id)).toEqual(['a1']);
    expect((await search(db, '山田')).map((h) => h.id)).toEqual(['n1']);
    expect(await db.actions.get('a1')).toMatchObject({ text: 'メンター 紹介', open: 1 });
    db.close();
    await db.delete();
  });
  it('upgrades a version 7 database: search moves to its own structure, built before the first search; records stay as they were', async () => {
    const name = `taiwa-migrate-${crypto.randomUUID()}`;
    const v7 = new Dexie(name);
    v7.version(7).stores(SCHEMAS[7]);
    const note = {
      ...meta,
      id: 'n1',
      meetingId: 'm1',
      personId: 'p1',
      kind: 'shared',
      text: 'キャリアの相談と roadmap',
      tokens: ['キャリア\u00018209999999998'],
      dirty: 0,
      rev: '3-abc',
    };
    await v7.table('notes').add(note);
    await v7.table('actions').add({
      ...meta,
      id: 'a1',
      personId: 'p1',
      meetingId: null,
      text: 'roadmap review',
      done: false,
      tokens: [],
      open: 1,
      pending: meta.hlc,
    });
    v7.close();

    const db = new TaiwaDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.notes.get('n1')).toEqual(note);
    expect(await db.syncRevs.count()).toBe(0);
    expect((await search(db, 'roadmap')).map((h) => h.id).sort()).toEqual(['a1', 'n1']);
    expect((await search(db, 'キャリ')).map((h) => h.id)).toEqual(['n1']);
    expect(await db.vocab.get('roadmap')).toMatchObject({ n: 2 });
    // The word index on the records is gone; the send queue is not.
    expect(db.notes.schema.indexes.map((i) => i.name)).not.toContain('tokens');
    expect(await db.actions.where('pending').above('').primaryKeys()).toEqual(['a1']);
    db.close();
    await db.delete();
  });
});
