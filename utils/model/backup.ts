import { z } from 'zod';
import {
  DEVICE_FIELDS,
  TABLE_NAMES,
  TABLES,
  type DeviceField,
  type RecordOf,
  type TableName,
} from './entities';

export const BACKUP_FORMAT = 'taiwa-backup';
export const BACKUP_VERSION = 1;
/** A backup larger than this is refused before parsing (about 100 MB of text). */
export const BACKUP_MAX_CHARS = 100_000_000;
const MAX_ROWS = 1_000_000;

/** A record as a backup holds it: content, id, times and the deletion flag. */
export type BackupRecord<T extends TableName> = Omit<RecordOf<T>, DeviceField>;
export type BackupData = { [T in TableName]: BackupRecord<T>[] };

const omitDevice = Object.fromEntries(DEVICE_FIELDS.map((f) => [f, true])) as {
  [K in DeviceField]: true;
};

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  data: BackupData;
}

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number().int().min(0),
  data: z.strictObject(
    Object.fromEntries(
      TABLE_NAMES.map((t) => [
        t,
        z.array((TABLES[t] as typeof TABLES.people).omit(omitDevice)).max(MAX_ROWS),
      ]),
    ) as unknown as { [T in TableName]: z.ZodArray<z.ZodType<BackupRecord<T>>> },
  ),
});

/** A backup that cannot be imported: `problems` says what is wrong and where, in plain words. */
export class BackupError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `This backup cannot be imported; nothing was changed.\n${problems
        .slice(0, 10)
        .map((p) => `- ${p}`)
        .join('\n')}${problems.length > 10 ? `\n- …and ${problems.length - 10} more` : ''}`,
    );
    this.name = 'BackupError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/**
 * Parses and checks a backup file's text. Throws a {@link BackupError} listing every problem found
 * (path and reason): not JSON, a version from a newer Taiwa, wrong or missing fields, keys that
 * could pollute prototypes, duplicate ids, references to records that are not there.
 * `existing` holds ids already in the database that references may also point to (merge mode).
 */
export function parseBackup(
  text: string,
  existing: { people: ReadonlySet<string>; meetings: ReadonlySet<string> } = {
    people: new Set(),
    meetings: new Set(),
  },
): Backup {
  if (text.length > BACKUP_MAX_CHARS) {
    throw new BackupError([`the file is larger than ${BACKUP_MAX_CHARS / 1e6} MB`]);
  }
  // A key is a quote not preceded by a backslash; inside JSON strings quotes are escaped.
  const forbidden = /(?<!\\)"(__proto__|constructor|prototype)"\s*:/.exec(text);
  if (forbidden) {
    throw new BackupError([`the file contains the forbidden key "${forbidden[1]}"`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupError([`the file is not valid JSON (${(error as Error).message})`]);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BackupError(['the file is not a Taiwa backup (expected a JSON object)']);
  }
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) {
    throw new BackupError([`format: expected "${BACKUP_FORMAT}", this is not a Taiwa backup`]);
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new BackupError([
      `version: this backup was made by a newer Taiwa (format ${head.version}); update Taiwa to import it`,
    ]);
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    throw new BackupError(
      parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(file)'}: ${issue.message}`),
    );
  }
  const backup = parsed.data as Backup;
  const problems = checkIntegrity(backup.data, existing);
  if (problems.length) throw new BackupError(problems);
  return backup;
}

/** Duplicate ids and dangling references, which a schema alone cannot see. */
function checkIntegrity(
  data: BackupData,
  existing: { people: ReadonlySet<string>; meetings: ReadonlySet<string> },
): string[] {
  const problems: string[] = [];
  for (const table of TABLE_NAMES) {
    const seen = new Set<string>();
    data[table].forEach((row, i) => {
      if (seen.has(row.id)) problems.push(`data.${table}[${i}].id: duplicate id "${row.id}"`);
      seen.add(row.id);
    });
  }
  const people = new Set([...existing.people, ...data.people.map((p) => p.id)]);
  const meetings = new Map(data.meetings.map((m) => [m.id, m.personId]));
  const emails = new Map<string, number>();
  data.people.forEach((p, i) => {
    if (p.deleted || !p.email) return;
    const first = emails.get(p.email);
    if (first !== undefined) {
      problems.push(`data.people[${i}].email: "${p.email}" is also data.people[${first}]`);
    }
    emails.set(p.email, i);
  });
  const needPerson = (table: TableName, i: number, id: string) => {
    if (!people.has(id)) problems.push(`data.${table}[${i}].personId: no person "${id}"`);
  };
  const needMeeting = (table: TableName, i: number, id: string, personId: string) => {
    if (meetings.has(id)) {
      if (meetings.get(id) !== personId) {
        problems.push(`data.${table}[${i}].meetingId: meeting "${id}" belongs to another person`);
      }
    } else if (!existing.meetings.has(id)) {
      problems.push(`data.${table}[${i}].meetingId: no meeting "${id}"`);
    }
  };
  data.meetings.forEach((m, i) => needPerson('meetings', i, m.personId));
  data.notes.forEach((n, i) => {
    needPerson('notes', i, n.personId);
    needMeeting('notes', i, n.meetingId, n.personId);
  });
  const notePairs = new Set<string>();
  data.notes.forEach((n, i) => {
    if (n.deleted) return;
    const key = `${n.meetingId}/${n.kind}`;
    if (notePairs.has(key)) {
      problems.push(`data.notes[${i}]: a second ${n.kind} note for meeting "${n.meetingId}"`);
    }
    notePairs.add(key);
  });
  data.actions.forEach((a, i) => {
    needPerson('actions', i, a.personId);
    if (a.meetingId) needMeeting('actions', i, a.meetingId, a.personId);
  });
  data.goals.forEach((g, i) => needPerson('goals', i, g.personId));
  return problems;
}
