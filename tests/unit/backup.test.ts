import { describe, expect, it } from 'vitest';
import { exportBackup, importBackup } from '@/entrypoints/background/db/backup';
import { getDb } from '@/entrypoints/background/db/database';
import { deleteEverything, deletePerson } from '@/entrypoints/background/db/erase';
import { updatePerson } from '@/entrypoints/background/db/people';
import { personTimeline } from '@/entrypoints/background/db/queries';
import { writeTransaction } from '@/entrypoints/background/db/write';
import { BackupError } from '@/utils/model/backup';
import { addAction, addMeeting, addNote, addPerson, snapshot, useFreshDb } from './helpers/db';

useFreshDb();

async function seed() {
  const aiko = await addPerson({
    profile: { career: 'テックリード', values: '誠実さ', strengths: 'Design' },
  });
  const meeting = await addMeeting(aiko.id, {
    plannedStart: 1_790_000_000_000,
    status: 'held',
    condition: 4,
  });
  await addNote(meeting.id, '来期の目標について話した');
  await addNote(meeting.id, 'Seems tired', 'private');
  await addAction(aiko.id, meeting.id, 'Share the OKR draft');
  return { aiko, meeting };
}

/** The user-visible content of the database, for comparing before and after. */
async function content() {
  const overview = await Promise.all(
    (await getDb().people.toArray())
      .filter((p) => !p.deleted)
      .map(async (p) => {
        const t = await personTimeline(getDb(), p.id);
        const strip = ({
          id,
          personId,
          meetingId,
          createdAt,
          updatedAt,
          hlc,
          fieldHlc,
          deviceId,
          dirty,
          version,
          rev,
          ...rest
        }: Record<string, unknown>) => rest;
        return {
          person: strip(t.person),
          meetings: t.meetings.map(strip),
          notes: t.notes.map(strip),
          actions: t.actions.map(strip),
        };
      }),
  );
  return overview;
}

describe('backup round trip', () => {
  it('restores everything after delete-all (replace mode)', async () => {
    await seed();
    const before = await content();
    const file = JSON.stringify(await exportBackup(getDb()));
    await writeTransaction((ctx) => deleteEverything(ctx));
    expect(await content()).toEqual([]);
    const counts = await importBackup(getDb(), file, 'replace');
    expect(counts).toMatchObject({ people: 1, meetings: 1, notes: 2, actions: 1 });
    expect(await content()).toEqual(before);
    const person = (await getDb().people.toArray())[0]!;
    expect(person.dirty).toBe(1);
  });

  it('brings a deleted person back (merge mode) and keeps newer local edits', async () => {
    const { aiko } = await seed();
    const ben = await addPerson({ email: 'ben@example.com', name: 'Ben' });
    const file = JSON.stringify(await exportBackup(getDb()));
    await writeTransaction((ctx) => deletePerson(ctx, aiko.id));
    await new Promise((r) => setTimeout(r, 5));
    await writeTransaction((ctx) => updatePerson(ctx, ben.id, { name: 'Ben (edited later)' }));
    await importBackup(getDb(), file, 'merge');
    const names = (await getDb().people.toArray()).filter((p) => !p.deleted).map((p) => p.name);
    expect(names.sort()).toEqual(['Aiko Tanaka', 'Ben (edited later)']);
    expect((await personTimeline(getDb(), aiko.id)).notes).toHaveLength(2);
  });

  it('replace mode turns records missing from the file into deletions', async () => {
    const file = JSON.stringify(await exportBackup(getDb()));
    await seed();
    await importBackup(getDb(), file, 'replace');
    expect(await content()).toEqual([]);
    expect((await getDb().notes.toArray()).every((n) => n.deleted && n.text === '')).toBe(true);
  });

  it('merges a person known here under another id into the same person', async () => {
    const { aiko } = await seed();
    const file = await exportBackup(getDb());
    file.data.people[0]!.id = 'other-id';
    for (const table of ['meetings', 'notes', 'actions'] as const) {
      for (const row of file.data[table]) row.personId = 'other-id';
    }
    file.data.people[0]!.updatedAt += 1000;
    file.data.people[0]!.name = 'Aiko (from backup)';
    await importBackup(getDb(), JSON.stringify(file), 'merge');
    const live = (await getDb().people.toArray()).filter((p) => !p.deleted);
    expect(live.map((p) => [p.id, p.name])).toEqual([[aiko.id, 'Aiko (from backup)']]);
  });
});

describe('merging a crafted backup: references checked against the merged result', () => {
  it('refuses a note attached to another person’s meeting here, and changes nothing', async () => {
    const { aiko, meeting } = await seed();
    const chris = await addPerson({ email: 'chris@example.com', name: 'Chris' });
    const before = await snapshot();
    // A file of Chris's own, whose note points at Aiko's meeting (which is not in the file).
    const file = await exportBackup(getDb());
    file.data.people = file.data.people.filter((p) => p.id === chris.id);
    file.data.meetings = [];
    file.data.actions = [];
    file.data.goals = [];
    file.data.notes = [
      { ...file.data.notes[0]!, id: 'planted', personId: chris.id, meetingId: meeting.id },
    ];
    expect(aiko.id).not.toBe(chris.id);
    await expect(importBackup(getDb(), JSON.stringify(file), 'merge')).rejects.toThrow(
      /belongs to another person/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a second live private note for a meeting here, and changes nothing', async () => {
    const { meeting } = await seed();
    const before = await snapshot();
    const file = await exportBackup(getDb());
    const privateNote = file.data.notes.find((n) => n.kind === 'private')!;
    file.data.notes = [{ ...privateNote, id: 'second-private', text: 'planted' }];
    await expect(importBackup(getDb(), JSON.stringify(file), 'merge')).rejects.toThrow(
      new RegExp(`meeting "${meeting.id}" already has a private note`),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('still merges the user’s own backup back in', async () => {
    await seed();
    const file = await exportBackup(getDb());
    await expect(importBackup(getDb(), JSON.stringify(file), 'merge')).resolves.toBeDefined();
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hostile files are untyped on purpose
type Json = Record<string, any>;
type Mutator = (file: Json) => unknown;

/** Each: what is done to a valid backup, and what the error must point at. */
const HOSTILE: [string, Mutator | string, RegExp][] = [
  ['an empty file', '', /not valid JSON/],
  ['plain text', 'hello', /not valid JSON/],
  ['a truncated file', 'CUT', /not valid JSON/],
  ['a JSON array', '[]', /not a Taiwa backup/],
  ['JSON null', 'null', /not a Taiwa backup/],
  ['a JSON string', '"taiwa"', /not a Taiwa backup/],
  ['an empty object', '{}', /format/],
  ['another format', (f) => (f.format = 'fellow-export'), /format/],
  ['a newer version', (f) => (f.version = 2), /newer Taiwa/],
  ['version 0', (f) => (f.version = 0), /version/],
  ['a version as text', (f) => (f.version = '1'), /version/],
  ['no data', (f) => delete f.data, /data/],
  ['a missing table', (f) => delete f.data.people, /data\.people/],
  ['an unknown top-level key', (f) => (f.extra = 1), /extra/],
  ['an unknown table', (f) => (f.data.evil = []), /evil/],
  ['a table that is not a list', (f) => (f.data.people = {}), /data\.people/],
  ['a person without email', (f) => delete f.data.people[0].email, /data\.people\[0\]\.email/],
  [
    'an invalid email',
    (f) => (f.data.people[0].email = 'not-an-email'),
    /data\.people\[0\]\.email/,
  ],
  ['an unknown relationship', (f) => (f.data.people[0].relationship = 'boss'), /relationship/],
  ['a path-like id', (f) => (f.data.people[0].id = '../../etc'), /data\.people\[0\]\.id/],
  ['an overlong id', (f) => (f.data.actions[0].id = 'x'.repeat(100)), /data\.actions\[0\]\.id/],
  ['a condition of 7', (f) => (f.data.meetings[0].condition = 7), /condition/],
  ['a condition as text', (f) => (f.data.meetings[0].condition = '3'), /condition/],
  ['a negative time', (f) => (f.data.meetings[0].plannedStart = -5), /plannedStart/],
  ['an absurd time', (f) => (f.data.meetings[0].plannedStart = 1e20), /plannedStart/],
  ['duplicate ids', (f) => f.data.notes.push({ ...f.data.notes[0] }), /duplicate id/],
  [
    'two people with one address',
    (f) => f.data.people.push({ ...f.data.people[0], id: 'p2' }),
    /also data\.people\[0\]/,
  ],
  ['a meeting of nobody', (f) => (f.data.meetings[0].personId = 'ghost'), /no person "ghost"/],
  ['a note of no meeting', (f) => (f.data.notes[0].meetingId = 'ghost'), /no meeting "ghost"/],
  [
    "a note on someone else's meeting",
    (f) => {
      f.data.people.push({ ...f.data.people[0], id: 'p2', email: 'p2@example.com' });
      f.data.notes[0].personId = 'p2';
    },
    /belongs to another person/,
  ],
  ['an action of no meeting', (f) => (f.data.actions[0].meetingId = 'ghost'), /no meeting/],
  ['progress of 150%', (f) => f.data.goals.push(goal(f, { progress: 150 })), /progress/],
  ['a huge note', (f) => (f.data.notes[0].text = 'あ'.repeat(200_001)), /data\.notes\[0\]\.text/],
  [
    'a __proto__ key',
    '{"format":"taiwa-backup","__proto__":{"polluted":1}}',
    /forbidden key "__proto__"/,
  ],
  ['a constructor key', (f) => (f.data.people[0].constructor = { prototype: {} }), /forbidden key/],
  [
    'a __proto__ clock',
    (f) => (f.data.people[0].fieldHlc = JSON.parse('{"__proto__":{"x":1}}')),
    /forbidden key/,
  ],
  [
    'two shared notes for one meeting',
    (f) => f.data.notes.push({ ...f.data.notes[0], id: 'n2' }),
    /a second (shared|private) note/,
  ],
  [
    'too many agenda items',
    (f) => (f.data.meetings[0].agenda = Array.from({ length: 501 }, (_, i) => agendaItem(i))),
    /agenda/,
  ],
  [
    'an unknown response wish',
    (f) => (f.data.meetings[0].agenda = [{ ...agendaItem(0), response: 'ignore' }]),
    /response/,
  ],
  ['an unknown field', (f) => (f.data.people[0].isAdmin = true), /isAdmin/],
  ['a deleted flag of 2', (f) => (f.data.actions[0].deleted = 2), /deleted/],
  ['a dirty flag as text', (f) => (f.data.actions[0].dirty = 'yes'), /dirty/],
];

function agendaItem(i: number) {
  return {
    id: `i${i}`,
    text: 't',
    author: 'them',
    category: 'work',
    response: null,
    done: false,
    order: i,
    originId: null,
    createdAt: 1,
  };
}

function goal(f: Json, patch: object) {
  const person = f.data.people[0];
  return {
    ...person,
    id: 'g1',
    personId: person.id,
    text: 'Lead',
    status: 'active',
    progress: 0,
    targetDate: null,
    reviewedAt: null,
    email: undefined,
    name: undefined,
    nameEditedByUser: undefined,
    relationship: undefined,
    cadence: undefined,
    profile: undefined,
    archived: undefined,
    override: undefined,
    ...patch,
  };
}

describe('hostile backups', () => {
  it(`has at least 30 cases`, () => expect(HOSTILE.length).toBeGreaterThanOrEqual(30));

  it.each(HOSTILE)('refuses %s, says where, and changes nothing', async (_, mutate, where) => {
    await seed();
    const valid = JSON.stringify(await exportBackup(getDb()));
    let text: string;
    if (typeof mutate === 'string')
      text = mutate === 'CUT' ? valid.slice(0, valid.length / 2) : mutate;
    else {
      const file = JSON.parse(valid);
      mutate(file);
      text = JSON.stringify(file, (key, value) => (value === undefined ? undefined : value));
    }
    const before = await snapshot();
    for (const mode of ['merge', 'replace'] as const) {
      const error = await importBackup(getDb(), text, mode).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(/nothing was changed/);
      expect((error as Error).message).toMatch(where);
    }
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
