/**
 * How two copies of one record become one (docs/architecture.md § Sync). Pure, so every device
 * computes the same answer from the same two copies, and so it is tested without a database or a
 * server.
 */
import { decodeHlc, isAcceptableClock } from './hlc';
import { mergeAgendas, wholeAgendaWrite, type AgendaRecord } from './agenda-merge';

/** The part of a synced record the merge reads: its clocks and its tombstone flag. */
export interface Clocked {
  hlc: string;
  fieldHlc: Record<string, string>;
  deviceId: string;
  deleted: 0 | 1;
}

/** Fields that describe a copy rather than the user's data: never merged field by field. */
const BOOKKEEPING = new Set(['id', 'hlc', 'fieldHlc', 'deviceId', 'dirty', 'version', 'rev']);

export interface Merged<T> {
  record: T;
  /** The result holds something the other copy lacks: it must be sent (again). */
  localAhead: boolean;
  /** The result differs from the local copy. */
  localChanged: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * When a field was last written: its own clock, or (for a field stamped with every write, like
 * `updatedAt`, or added by a later schema) the record's. `deleted` without a clock was never
 * written: the record was created live, which is older than any deletion.
 */
export function fieldClock(record: Clocked, key: string): string {
  return record.fieldHlc[key] ?? (key === 'deleted' ? '' : record.hlc);
}

/**
 * Merges the local and the remote copy of a record.
 * - A deletion is decided first, by the clock of the `deleted` field: when the latest word on it
 *   is "deleted", the result is that tombstone whole (its content is cleared anyway), so delete
 *   against edit ends the same on every device, however the edit's clock compares.
 * - Otherwise each field is the one written last (hybrid logical clock; ties cannot differ,
 *   since a clock names its device and a device writes one value per tick).
 * - A meeting's agenda is merged item by item (agenda-merge.ts), unless one side's agenda was
 *   last written whole, by a device of the previous version: then it is the field written last.
 */
export function mergeRecords<T extends Clocked>(local: T, remote: T): Merged<T> {
  const deletion = fieldClock(local, 'deleted') >= fieldClock(remote, 'deleted') ? local : remote;
  const hlc = local.hlc >= remote.hlc ? local.hlc : remote.hlc;
  if (deletion.deleted === 1) {
    const record = { ...deletion, hlc, fieldHlc: maxClocks(local, remote) } as T;
    return finish(local, remote, record);
  }
  const record = { ...local } as Record<string, unknown>;
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]);
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue;
    if (fieldClock(remote, key) > fieldClock(local, key)) {
      record[key] = (remote as Record<string, unknown>)[key];
    }
  }
  record.hlc = hlc;
  record.fieldHlc = maxClocks(local, remote);
  record.deviceId = local.hlc >= remote.hlc ? local.deviceId : remote.deviceId;
  let pruned: ReadonlySet<string> = NONE;
  const agendas = itemByItem(local, remote);
  if (agendas) {
    const agenda = mergeAgendas(...agendas, record.fieldHlc as Record<string, string>);
    record.agenda = agenda.agenda;
    record.fieldHlc = agenda.clocks;
    pruned = agenda.pruned;
  }
  return finish(local, remote, record as T, pruned);
}

const NONE: ReadonlySet<string> = new Set();

/** Two copies of a meeting whose agendas both carry their item clocks, or null. */
function itemByItem(local: Clocked, remote: Clocked): [AgendaRecord, AgendaRecord] | null {
  const itemised = (r: Clocked): r is Clocked & AgendaRecord =>
    Array.isArray((r as Partial<AgendaRecord>).agenda) && !wholeAgendaWrite(r);
  return itemised(local) && itemised(remote) ? [local, remote] : null;
}

function maxClocks(a: Clocked, b: Clocked): Record<string, string> {
  const clocks = { ...a.fieldHlc };
  for (const [key, clock] of Object.entries(b.fieldHlc)) {
    if (clock > (clocks[key] ?? '')) clocks[key] = clock;
  }
  return clocks;
}

/** Whether two sets of clocks agree, but for `ignored` keys (tombstone clocks dropped here). */
function sameClocks(
  a: Record<string, string>,
  b: Record<string, string>,
  ignored: ReadonlySet<string> = NONE,
): boolean {
  const keys = Object.keys(a);
  const count = Object.keys(b).filter((key) => !ignored.has(key)).length;
  return keys.length === count && keys.every((key) => a[key] === b[key]);
}

/**
 * The result, and whether it differs from either copy. Tombstone clocks the agenda merge dropped
 * (`pruned`) are no difference: else a device still holding them, or one of the previous version
 * (which keeps every clock), and this one would send them back and forth for ever.
 */
function finish<T extends Clocked>(
  local: T,
  remote: T,
  record: T,
  pruned: ReadonlySet<string> = NONE,
): Merged<T> {
  const differs = (other: T) =>
    Object.keys(record).some(
      (key) =>
        !BOOKKEEPING.has(key) &&
        !same((record as Record<string, unknown>)[key], (other as Record<string, unknown>)[key]),
    ) || !sameClocks(record.fieldHlc, other.fieldHlc, pruned);
  return { record, localAhead: differs(remote), localChanged: differs(local) };
}

/**
 * The line above the other version's text wherever two versions of a note are joined: sync's
 * concurrent edits, twin notes folded into one, a recovered draft typed over a note that moved on.
 * One marker, in both languages since the note may be read in either, so the user learns one sign
 * to look for and tidy. `clock` is the hybrid logical clock of the text under it; the time shown
 * is its wall part, in UTC.
 */
export function noteJoinMarker(clock: string): string {
  const when = new Date(decodeHlc(clock).wall).toISOString().slice(0, 16).replace('T', ' ');
  return `――― 別の端末での編集 / Edited on another device (${when} UTC) ―――`;
}

/**
 * Joins two versions of a note edited on two devices since they last agreed, losing no text:
 * when one already contains the other it is kept; otherwise the later one comes first and the
 * other follows under a visible marker (`noteJoinMarker`), for the user to tidy.
 */
export function joinNoteTexts(later: string, earlier: string, marker: string): string {
  if (later.includes(earlier)) return later;
  if (earlier.includes(later)) return earlier;
  return `${later}\n\n${marker}\n${earlier}`;
}

/**
 * The newest version of a record this device has seen on the sync server (pulled, or pushed and
 * stored there): a high-water mark, so a server cannot hand the device an older copy unnoticed.
 */
export interface SeenVersion {
  hlc: string;
  /** For a deletion, the clock of its `deleted` field; '' for a live record. */
  deletedAt: string;
}

/** The version a copy of a record stands for. */
export function versionOf(record: Clocked): SeenVersion {
  return {
    hlc: record.hlc,
    deletedAt: record.deleted ? fieldClock(record, 'deleted') || record.hlc : '',
  };
}

/**
 * Whether `remote` is older than a version already seen (a rollback, or a withheld deletion put
 * back). A record's clock never goes down from one server revision to the next (every device
 * writes past the clocks it has seen, a merge keeps the later one), so a lower clock is older.
 * At the same clock, a merge may have turned a record into a deletion: a live copy then is older,
 * unless it was revived after that deletion.
 */
export function isOlderThanSeen(remote: Clocked, seen: SeenVersion | undefined): boolean {
  if (!seen) return false;
  if (remote.hlc !== seen.hlc) return remote.hlc < seen.hlc;
  return (
    seen.deletedAt !== '' && !remote.deleted && fieldClock(remote, 'deleted') <= seen.deletedAt
  );
}

/** The mark after seeing `next` (which is not older than `seen`). */
export function laterSeen(seen: SeenVersion | undefined, next: SeenVersion): SeenVersion {
  if (!seen || next.hlc > seen.hlc) return next;
  if (next.hlc < seen.hlc) return seen;
  return {
    hlc: seen.hlc,
    deletedAt: next.deletedAt > seen.deletedAt ? next.deletedAt : seen.deletedAt,
  };
}

/** Why a record from the server is not applied: a bad clock, or older than seen. */
export type RemoteVerdict = 'accept' | 'clock' | 'rollback';

/**
 * Whether a record from the server may be applied. Its clocks must be acceptable (hlc.ts) and
 * it must not be older than what this device has seen of it on the server.
 */
export function judgeRemote(
  remote: Clocked,
  seen: SeenVersion | undefined,
  now: number,
): RemoteVerdict {
  const clocks = [remote.hlc, ...Object.values(remote.fieldHlc)];
  if (!clocks.every((clock) => isAcceptableClock(clock, now))) return 'clock';
  return isOlderThanSeen(remote, seen) ? 'rollback' : 'accept';
}
