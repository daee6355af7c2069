/**
 * A meeting's agenda merged item by item (docs/architecture.md § Sync). Pure, like merge.ts.
 *
 * Each agenda item has its own clock in the meeting's `fieldHlc`, under `agendaItemKey(id)`:
 * the clock of the last write that added, edited, reordered or removed that item. A removed item
 * keeps its key (a tombstone clock), so the other device knows it was removed, not never seen.
 * `AGENDA_ITEMS` holds the clock of the last agenda write that stamped its items.
 *
 * A device of the version before this one writes `agenda` as one field: it sets `fieldHlc.agenda`
 * and leaves the item keys as they were. Its write shows as an `agenda` clock later than
 * `AGENDA_ITEMS` (`wholeAgendaWrite`), and such a merge falls back to the whole agenda written
 * last, as before.
 */
import type { AgendaItem } from '@/utils/model/entities';

/** The `fieldHlc` key of the clock of the last agenda write that stamped its items. */
export const AGENDA_ITEMS = 'agendaItems';

/** Removed items' clocks kept per meeting: the newest ones (a meeting holds at most 500 items). */
export const AGENDA_TOMBSTONES = 500;

/** `fieldHlc` keys are at most 40 characters (entities.ts): longer ids are hashed. */
const MAX_KEY = 40;
const PLAIN = 'ag:';
const HASHED = 'ag#';

/**
 * The `fieldHlc` key of an agenda item's clock: `ag:<id>` (a random UUID fits), or for an id
 * too long for a key, `ag#` and a 64-bit hash of it.
 */
export function agendaItemKey(id: string): string {
  return PLAIN.length + id.length <= MAX_KEY ? PLAIN + id : HASHED + hash64(id);
}

export function isAgendaItemKey(key: string): boolean {
  return key.startsWith(PLAIN) || key.startsWith(HASHED);
}

/** Two 32-bit FNV-1a hashes with different starting points, as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** What the agenda merge reads of a meeting. */
export interface AgendaRecord {
  hlc: string;
  fieldHlc: Record<string, string>;
  agenda: AgendaItem[];
}

/** When the agenda was last written, as a whole field. */
function agendaClock(record: Pick<AgendaRecord, 'hlc' | 'fieldHlc'>): string {
  return record.fieldHlc.agenda ?? record.hlc;
}

/**
 * Whether the agenda was last written as one field, by a device of the previous version (or
 * before this one was installed, or by a backup import): its item clocks do not describe it.
 */
export function wholeAgendaWrite(record: Pick<AgendaRecord, 'hlc' | 'fieldHlc'>): boolean {
  return agendaClock(record) > (record.fieldHlc[AGENDA_ITEMS] ?? '');
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function byKey(agenda: readonly AgendaItem[]): Map<string, AgendaItem> {
  const items = new Map<string, AgendaItem>();
  for (const item of agenda) {
    const key = agendaItemKey(item.id);
    if (!items.has(key)) items.set(key, item);
  }
  return items;
}

/**
 * The clocks after a local write changed the agenda from `before.agenda` to `after`, at `hlc`.
 * `clocks` are the record's clocks already stamped for this write. Every item added, edited
 * (reordering edits its `order`) or removed gets `hlc`. An agenda last written whole (by an
 * older device) is first taken as it stands: each of its items, and each item it no longer
 * holds, as of that write. Then the oldest tombstones beyond the bound are dropped.
 */
export function stampAgendaItems(
  before: AgendaRecord,
  after: readonly AgendaItem[],
  clocks: Record<string, string>,
  hlc: string,
): Record<string, string> {
  const next = { ...clocks };
  const old = byKey(before.agenda);
  if (wholeAgendaWrite(before)) {
    const at = agendaClock(before);
    const known = [...Object.keys(next).filter(isAgendaItemKey), ...old.keys()];
    for (const key of known) if ((next[key] ?? '') < at) next[key] = at;
  }
  const now = byKey(after);
  for (const [key, item] of now) if (!same(old.get(key), item)) next[key] = hlc;
  for (const key of old.keys()) if (!now.has(key)) next[key] = hlc;
  next[AGENDA_ITEMS] = hlc;
  return pruneTombstones(next, new Set(now.keys())).clocks;
}

/**
 * Drops the clocks of removed items beyond the newest `AGENDA_TOMBSTONES` (by clock, then key:
 * the same choice on every device). An item removed that long ago and still held by a device
 * that never heard of its removal would come back.
 */
export function pruneTombstones(
  clocks: Record<string, string>,
  present: ReadonlySet<string>,
): { clocks: Record<string, string>; pruned: Set<string> } {
  const tombstones = Object.keys(clocks).filter((key) => isAgendaItemKey(key) && !present.has(key));
  const pruned = new Set<string>();
  if (tombstones.length <= AGENDA_TOMBSTONES) return { clocks, pruned };
  const newestFirst = (a: string, b: string) => {
    const [ca, cb] = [clocks[a] ?? '', clocks[b] ?? ''];
    if (ca !== cb) return ca > cb ? -1 : 1;
    return a < b ? -1 : 1;
  };
  for (const key of tombstones.sort(newestFirst).slice(AGENDA_TOMBSTONES)) pruned.add(key);
  const kept = Object.fromEntries(Object.entries(clocks).filter(([key]) => !pruned.has(key)));
  return { clocks: kept, pruned };
}

/** The clock of an item present in `record`: its own, or else the agenda's. */
function itemClock(record: AgendaRecord, key: string): string {
  return record.fieldHlc[key] ?? agendaClock(record);
}

/** Of two versions of one item, the one written last; at the same clock, the same pick anywhere. */
function later(a: AgendaItem, clockA: string, b: AgendaItem, clockB: string): AgendaItem {
  if (clockA !== clockB) return clockA > clockB ? a : b;
  return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}

/** Whether `items` holds exactly the items of `agenda` (whatever their order in the list). */
function sameItems(items: Map<string, AgendaItem>, agenda: readonly AgendaItem[]): boolean {
  const other = byKey(agenda);
  return (
    other.size === items.size &&
    agenda.length === items.size &&
    [...items].every(([key, item]) => same(other.get(key), item))
  );
}

/** The order a merged agenda is stored in: its items' `order`, then when made, then id. */
function canonical(items: Iterable<AgendaItem>): AgendaItem[] {
  return [...items].sort(
    (a, b) =>
      a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Merges two agendas whose items both carry their clocks (neither was last written whole):
 * - an item on both sides: the version written last (whole item: its text, done, order…);
 * - an item on one side only: kept when the other never saw it (no clock for it there), or when
 *   it was edited after the other removed it; otherwise it stays removed (at the same clock too);
 * - the list: one side's own list when the result holds exactly its items, else sorted by
 *   `order`, then `createdAt`, then id, the same on every device.
 * `clocks` are both sides' clocks, the later of each; the result's clocks drop the oldest
 * tombstones beyond the bound, and `pruned` names them (their absence is no difference).
 */
export function mergeAgendas(
  local: AgendaRecord,
  remote: AgendaRecord,
  clocks: Record<string, string>,
): { agenda: AgendaItem[]; clocks: Record<string, string>; pruned: Set<string> } {
  const mine = byKey(local.agenda);
  const theirs = byKey(remote.agenda);
  const items = new Map<string, AgendaItem>();
  for (const key of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(key);
    const b = theirs.get(key);
    if (a && b) items.set(key, later(a, itemClock(local, key), b, itemClock(remote, key)));
    else if (a && survives(itemClock(local, key), remote.fieldHlc[key])) items.set(key, a);
    else if (b && survives(itemClock(remote, key), local.fieldHlc[key])) items.set(key, b);
  }
  const pruning = pruneTombstones(clocks, new Set(items.keys()));
  return { agenda: arrange(items, local, remote), ...pruning };
}

/** An item one side holds against the other side's clock for it (a removal, or never seen). */
function survives(held: string, removedAt: string | undefined): boolean {
  return removedAt === undefined || held > removedAt;
}

function arrange(
  items: Map<string, AgendaItem>,
  local: AgendaRecord,
  remote: AgendaRecord,
): AgendaItem[] {
  const isLocal = sameItems(items, local.agenda);
  const isRemote = sameItems(items, remote.agenda);
  if (isLocal && isRemote) {
    // The same items in two orders: the list written last, as a whole field would be.
    const [l, r] = [agendaClock(local), agendaClock(remote)];
    if (l !== r) return l > r ? local.agenda : remote.agenda;
    return same(local.agenda, remote.agenda) ? local.agenda : canonical(items.values());
  }
  if (isLocal) return local.agenda;
  if (isRemote) return remote.agenda;
  return canonical(items.values());
}
