import type { Meeting, Note, Person, TableName } from '@/utils/model/entities';
import { fieldClock, joinNoteTexts, noteJoinMarker } from '@/utils/domain/merge';
import { saveRecord, tombstone, type WriteContext } from '../db/write';

/**
 * Two devices that both saw the same person (by email) or the same calendar event made two
 * records of one thing. When the other device's copy arrives, they become one: the smaller id
 * stays (the same choice on every device), what pointed at the other is moved to it, and the
 * other is deleted. Every step is an ordinary write, so it syncs like any edit.
 */
export async function foldTwins(
  ctx: WriteContext,
  table: TableName,
  record: { id: string; deleted: 0 | 1; personId?: string; meetingId?: string | null },
): Promise<boolean> {
  if (record.deleted) return false;
  const repointed = await followFolds(ctx, table, record);
  const current = repointed ? await ctx.db.records(table).get(record.id) : record;
  if (!current) return repointed;
  if (table === 'people') return (await foldPeople(ctx, current as Person)) || repointed;
  if (table === 'meetings') return (await foldMeetings(ctx, current as Meeting)) || repointed;
  if (table === 'notes') return (await foldNotes(ctx, current as Note)) || repointed;
  return repointed;
}

/** Which folded-away person or meeting became which: records that arrive later follow it. */
const FOLDED = 'sync.folded';

// Read once per transaction: a pulled batch asks for every record.
const foldsRead = new WeakMap<WriteContext, Promise<Record<string, string>>>();

function folds(ctx: WriteContext): Promise<Record<string, string>> {
  let read = foldsRead.get(ctx);
  if (!read) {
    read = ctx.db.meta.get(FOLDED).then((row) => (row?.value as Record<string, string>) ?? {});
    foldsRead.set(ctx, read);
  }
  return read;
}

async function noteFold(ctx: WriteContext, drop: string, keep: string): Promise<void> {
  const next = { ...(await folds(ctx)), [drop]: keep };
  foldsRead.set(ctx, Promise.resolve(next));
  await ctx.db.meta.put({ key: FOLDED, value: next });
}

/** A record of the other device that still points at a person or meeting folded away here. */
async function followFolds(
  ctx: WriteContext,
  table: TableName,
  record: { id: string; personId?: string; meetingId?: string | null },
): Promise<boolean> {
  if (table === 'people' || (!record.personId && !record.meetingId)) return false;
  const map = await folds(ctx);
  const personId = record.personId && map[record.personId];
  const meetingId = record.meetingId && map[record.meetingId];
  if (!personId && !meetingId) return false;
  await saveRecord(ctx, table, record.id, {
    ...(personId ? { personId } : {}),
    ...(meetingId ? { meetingId } : {}),
  } as never);
  return true;
}

const ordered = <T extends { id: string }>(a: T, b: T): [keep: T, drop: T] =>
  a.id < b.id ? [a, b] : [b, a];

async function foldPeople(ctx: WriteContext, person: Person): Promise<boolean> {
  if (!person.email) return false;
  const twin = (await ctx.db.people.where('email').equals(person.email).toArray()).find(
    (p) => !p.deleted && p.id !== person.id,
  );
  if (!twin) return false;
  const [keep, drop] = ordered<Person>(twin, person);
  await moveOver(ctx, ['meetings', 'notes', 'actions', 'goals'], 'personId', drop.id, keep.id);
  await tombstone(ctx, 'people', drop.id);
  // Meetings of the same event, now under one person, fold in turn.
  for (const meeting of await ctx.db.meetings.where('personId').equals(keep.id).toArray()) {
    await foldMeetings(ctx, meeting);
  }
  return true;
}

/** Points every live record that refers to `drop` at `keep`, and remembers the fold. */
async function moveOver(
  ctx: WriteContext,
  tables: readonly ('meetings' | 'notes' | 'actions' | 'goals')[],
  field: 'personId' | 'meetingId',
  drop: string,
  keep: string,
): Promise<void> {
  for (const table of tables) {
    const rows = await ctx.db.records(table).where(field).equals(drop).toArray();
    for (const row of rows) {
      if (!row.deleted) await saveRecord(ctx, table, row.id, { [field]: keep } as never);
    }
  }
  await noteFold(ctx, drop, keep);
}

async function foldMeetings(ctx: WriteContext, meeting: Meeting): Promise<boolean> {
  if (!meeting.eventId || meeting.deleted) return false;
  const twin = (await ctx.db.meetings.where('eventId').equals(meeting.eventId).toArray()).find(
    (m) => !m.deleted && m.id !== meeting.id && m.personId === meeting.personId,
  );
  if (!twin) return false;
  const [keep, drop] = ordered<Meeting>(twin, meeting);
  // The agenda items of both; for every other field, the later write.
  const items = new Map(keep.agenda.map((item) => [item.id, item]));
  for (const item of drop.agenda) if (!items.has(item.id)) items.set(item.id, item);
  const later = <K extends keyof Meeting>(key: K) =>
    fieldClock(drop, key) > fieldClock(keep, key) ? drop[key] : keep[key];
  await saveRecord(ctx, 'meetings', keep.id, {
    agenda: [...items.values()].sort((a, b) => a.order - b.order),
    status: later('status'),
    heldAt: later('heldAt'),
    condition: later('condition'),
    rating: later('rating'),
    talkSelfMs: later('talkSelfMs'),
    talkOthersMs: later('talkOthersMs'),
    meetCode: later('meetCode'),
  });
  await moveOver(ctx, ['notes', 'actions'], 'meetingId', drop.id, keep.id);
  await tombstone(ctx, 'meetings', drop.id);
  for (const note of await ctx.db.notes.where('meetingId').equals(keep.id).toArray()) {
    await foldNotes(ctx, note);
  }
  return true;
}

/** One meeting's notes of one kind started on two devices: one note holding both texts. */
async function foldNotes(ctx: WriteContext, note: Note): Promise<boolean> {
  if (note.deleted) return false;
  const twins = await ctx.db.notes
    .where('[meetingId+kind]')
    .equals([note.meetingId, note.kind])
    .toArray();
  const twin = twins.find((n) => !n.deleted && n.id !== note.id);
  if (!twin) return false;
  const [keep, drop] = ordered<Note>(twin, note);
  const [later, earlier] =
    fieldClock(keep, 'text') > fieldClock(drop, 'text') ? [keep, drop] : [drop, keep];
  const text = joinNoteTexts(later.text, earlier.text, noteJoinMarker(fieldClock(earlier, 'text')));
  await saveRecord(ctx, 'notes', keep.id, { text });
  await tombstone(ctx, 'notes', drop.id);
  return true;
}
