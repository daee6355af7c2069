import { TABLE_NAMES, type RecordOf, type TableName } from '@/utils/model/entities';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  parseBackup,
  type Backup,
  type BackupData,
  type BackupRecord,
} from '@/utils/model/backup';
import type { Row, TaiwaDb } from './database';
import { deriveFields, stripDerived } from './derive';
import {
  abandonBulkWrite,
  finishBulkWrite,
  noteWrite,
  startBulkWrite,
  tombstone,
  writeTransaction,
  type BulkWrite,
  type WriteContext,
} from './write';

/** Everything in the database, deletions included, as a versioned backup. */
export async function exportBackup(db: TaiwaDb, now = Date.now()): Promise<Backup> {
  const data = await db.transaction('r', TABLE_NAMES, async () => {
    const entries = await Promise.all(
      TABLE_NAMES.map(async (t) => [t, (await db.records(t).toArray()).map(toBackupRecord)]),
    );
    return Object.fromEntries(entries) as BackupData;
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, data };
}

/**
 * One person's live records as a backup file: restoring it (merge) brings that person back, and
 * it is the JSON export of the history page.
 */
export async function exportPerson(
  db: TaiwaDb,
  personId: string,
  now = Date.now(),
): Promise<Backup> {
  const data = await db.transaction('r', TABLE_NAMES, async () => {
    const person = await db.people.get(personId);
    if (!person || person.deleted) throw new Error('This person is not in Taiwa (any more).');
    const own = async <T extends 'meetings' | 'notes' | 'actions' | 'goals'>(table: T) =>
      ((await db.records(table).where('personId').equals(personId).toArray()) as Row<T>[])
        .filter((r) => !r.deleted)
        .map((r) => toBackupRecord<T>(r));
    const [meetings, notes, actions, goals] = await Promise.all([
      own('meetings'),
      own('notes'),
      own('actions'),
      own('goals'),
    ]);
    return {
      people: [toBackupRecord(person)],
      meetings,
      notes,
      actions,
      goals,
      templates: [],
      seriesOverrides: [],
    };
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, data };
}

/** A stored row as a backup holds it: no derived index fields, no device sync state. */
function toBackupRecord<T extends TableName>(row: Row<T>): BackupRecord<T> {
  const { hlc, fieldHlc, deviceId, dirty, version, rev, ...record } = stripDerived<T>(row);
  return record;
}

export type ImportMode = 'merge' | 'replace';
export type ImportCounts = { [T in TableName]: number };

/** How far an import is: records written (deletions included) of all it will write. */
export type ImportProgress = (done: number, total: number) => void;

/** Records per transaction: bounds the memory one step holds, and what an interruption costs. */
const CHUNK = 2_000;

/**
 * Imports a backup's text. Everything is checked first: a file with any problem changes nothing.
 * - replace: the database ends up holding exactly the file's records (others become deletions,
 *   so sync carries them);
 * - merge: a record from the file wins when it is missing here, deleted here, or newer.
 *   A person whose address is already here under another id is taken as that person.
 * Imported records are re-stamped as local writes so sync sends them on.
 *
 * The records are then written in chunks, one transaction each, and `onProgress` hears after
 * each. Deletions (replace) come last, so an import cut short (the browser closed) has lost
 * nothing: what was here is still here, beside what the file brought so far. The search words
 * and people's figures are written once at the end; if that never happens, the search structure
 * is marked stale and rebuilt before the next search.
 */
export async function importBackup(
  db: TaiwaDb,
  text: string,
  mode: ImportMode,
  onProgress: ImportProgress = () => {},
): Promise<ImportCounts> {
  const existing =
    mode === 'merge'
      ? {
          people: new Set(await db.people.toCollection().primaryKeys()),
          meetings: new Set(await db.meetings.toCollection().primaryKeys()),
        }
      : undefined;
  const backup = parseBackup(text, existing);
  const data = await db.transaction('r', TABLE_NAMES, async () => {
    if (mode === 'replace') return backup.data;
    const mapped = await mapPeopleByEmail(db, backup.data);
    const problems = await checkMerged(db, mapped);
    if (problems.length) throw new BackupError(problems);
    return mapped;
  });
  const gone =
    mode === 'replace'
      ? await db.transaction('r', TABLE_NAMES, async () =>
          Promise.all(
            TABLE_NAMES.map(async (table) => {
              const keep = new Set(data[table].map((r) => r.id));
              const ids = await db.records(table).toCollection().primaryKeys();
              return { table, ids: ids.filter((id) => !keep.has(id)) };
            }),
          ),
        )
      : [];
  const total =
    TABLE_NAMES.reduce((sum, t) => sum + data[t].length, 0) +
    gone.reduce((sum, g) => sum + g.ids.length, 0);
  let done = 0;
  onProgress(done, total);
  const bulk = await startBulkWrite();
  try {
    const counts = await writeAll(data, gone, mode, bulk, (n) => onProgress((done += n), total));
    await finishBulkWrite(bulk);
    return counts;
  } finally {
    abandonBulkWrite(bulk);
  }
}

async function writeAll(
  data: BackupData,
  gone: { table: TableName; ids: string[] }[],
  mode: ImportMode,
  bulk: BulkWrite,
  step: (records: number) => void,
): Promise<ImportCounts> {
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as ImportCounts;
  for (const table of TABLE_NAMES) {
    const records = data[table];
    for (let at = 0; at < records.length; at += CHUNK) {
      const slice = records.slice(at, at + CHUNK);
      counts[table] += await writeTransaction((ctx) => putChunk(ctx, table, slice, mode), {
        bulk,
      });
      step(slice.length);
    }
  }
  for (const { table, ids } of gone) {
    for (let at = 0; at < ids.length; at += CHUNK) {
      const slice = ids.slice(at, at + CHUNK);
      await writeTransaction(
        async (ctx) => {
          for (const id of slice) await tombstone(ctx, table, id);
        },
        { bulk },
      );
      step(slice.length);
    }
  }
  return counts;
}

async function putChunk<T extends TableName>(
  ctx: WriteContext,
  table: T,
  records: BackupRecord<T>[],
  mode: ImportMode,
): Promise<number> {
  const store = ctx.db.records(table);
  const locals = await store.bulkGet(records.map((r) => r.id));
  const rows: Row<T>[] = [];
  records.forEach((record, i) => {
    const local = locals[i];
    if (mode === 'merge' && !fileWins(local, record)) return;
    const hlc = ctx.tick();
    const fields = Object.keys(record).filter((k) => !['id', 'createdAt', 'updatedAt'].includes(k));
    const stamped = {
      ...record,
      hlc,
      fieldHlc: Object.fromEntries(fields.map((k) => [k, hlc])),
      deviceId: ctx.deviceId,
      dirty: 1,
      version: (local?.version ?? 0) + 1,
      rev: local?.rev ?? null,
    } as RecordOf<T>;
    rows.push({ ...stamped, ...deriveFields(table, stamped) } as Row<T>);
    ctx.index.note(table, record.id, local, stamped);
  });
  await store.bulkPut(rows);
  for (const row of rows) noteWrite(ctx, table, row);
  return rows.length;
}

/** In merge mode, a file's record wins when it is missing here, deleted here, or newer. */
function fileWins(
  local: { deleted: 0 | 1; updatedAt: number } | undefined,
  record: { deleted: 0 | 1; updatedAt: number },
): boolean {
  return !local || (local.deleted === 1 && !record.deleted) || record.updatedAt > local.updatedAt;
}

/**
 * References checked against what the database will hold once the file is merged in, not only
 * within the file: a note or action item in the file must belong to the person its meeting will
 * belong to (a crafted file could attach a note to another person's meeting), and each meeting
 * keeps one live note per kind. Answers the problems found, in words.
 */
async function checkMerged(db: TaiwaDb, data: BackupData): Promise<string[]> {
  const problems: string[] = [];
  const winning = async <T extends 'meetings' | 'notes'>(table: T, records: BackupRecord<T>[]) => {
    const locals = await db.records(table).bulkGet(records.map((r) => r.id));
    return records.filter((record, i) => fileWins(locals[i], record));
  };
  // Whose each meeting will be: the file's version where it wins, else the one here.
  const meetingOwner = new Map<string, string>();
  for (const meeting of await winning('meetings', data.meetings)) {
    meetingOwner.set(meeting.id, meeting.personId);
  }
  const ownerOf = async (meetingId: string) =>
    meetingOwner.get(meetingId) ?? (await db.meetings.get(meetingId))?.personId;
  for (const [table, rows] of [
    ['notes', data.notes],
    ['actions', data.actions],
  ] as const) {
    for (const [i, row] of rows.entries()) {
      if (!row.meetingId) continue;
      const owner = await ownerOf(row.meetingId);
      if (owner !== undefined && owner !== row.personId) {
        problems.push(
          `data.${table}[${i}].meetingId: meeting "${row.meetingId}" belongs to another person`,
        );
      }
    }
  }
  // One live note per meeting and kind, counting the notes here that the file leaves alone.
  const fileNotes = new Map(data.notes.map((n) => [n.id, n]));
  const winners = new Set((await winning('notes', data.notes)).map((n) => n.id));
  for (const [i, note] of data.notes.entries()) {
    if (note.deleted || !winners.has(note.id)) continue;
    const live = (
      await db.notes.where('[meetingId+kind]').equals([note.meetingId, note.kind]).toArray()
    ).filter((n) => {
      if (n.id === note.id) return false;
      const incoming = fileNotes.get(n.id);
      return incoming && winners.has(n.id) ? !incoming.deleted : !n.deleted;
    });
    if (live.length) {
      problems.push(
        `data.notes[${i}]: meeting "${note.meetingId}" already has a ${note.kind} note here`,
      );
    }
  }
  return problems;
}

/** Points the file's records at the local person when the same address is here under another id. */
async function mapPeopleByEmail(db: TaiwaDb, data: BackupData): Promise<BackupData> {
  const remap = new Map<string, string>();
  for (const person of data.people) {
    if (!person.email || person.deleted) continue;
    const local = (await db.people.where('email').equals(person.email).toArray()).find(
      (p) => !p.deleted,
    );
    if (local && local.id !== person.id) remap.set(person.id, local.id);
  }
  if (!remap.size) return data;
  const to = (id: string) => remap.get(id) ?? id;
  return {
    ...data,
    people: data.people.map((p) => ({ ...p, id: to(p.id) })),
    meetings: data.meetings.map((m) => ({ ...m, personId: to(m.personId) })),
    notes: data.notes.map((n) => ({ ...n, personId: to(n.personId) })),
    actions: data.actions.map((a) => ({ ...a, personId: to(a.personId) })),
    goals: data.goals.map((g) => ({ ...g, personId: to(g.personId) })),
  };
}
