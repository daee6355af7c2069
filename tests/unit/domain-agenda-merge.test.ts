import { describe, expect, it } from 'vitest';
import {
  AGENDA_ITEMS,
  AGENDA_TOMBSTONES,
  agendaItemKey,
  stampAgendaItems,
  wholeAgendaWrite,
} from '@/utils/domain/agenda-merge';
import { encodeHlc } from '@/utils/domain/hlc';
import { mergeRecords } from '@/utils/domain/merge';
import { meetingSchema, type AgendaItem, type Meeting } from '@/utils/model/entities';
import { mergeRecords as mergeRecordsV1 } from '../fixtures/sync/merge-v1';

const clock = (wall: number, device = 'a', counter = 0) =>
  encodeHlc({ wall, counter, deviceId: device });

function item(id: string, text: string, order: number, fields: Partial<AgendaItem> = {}) {
  return {
    id,
    text,
    author: 'me',
    category: 'other',
    response: null,
    done: false,
    order,
    originId: null,
    createdAt: 1_700_000_000_000 + order,
    ...fields,
  } satisfies AgendaItem;
}

const ids = {
  a: '11111111-1111-4111-8111-111111111111',
  b: '22222222-2222-4222-8222-222222222222',
  c: '33333333-3333-4333-8333-333333333333',
};

/** A meeting as the database row holds it (without derived fields). */
function meeting(agenda: AgendaItem[], at: string): Meeting {
  return meetingSchema.parse({
    id: 'm1',
    personId: 'p1',
    title: '1on1',
    eventId: null,
    seriesId: null,
    meetCode: null,
    plannedStart: null,
    plannedEnd: null,
    status: 'planned',
    heldAt: null,
    agenda,
    condition: null,
    rating: null,
    talkSelfMs: null,
    talkOthersMs: null,
    agendaSentAt: null,
    recapSentAt: null,
    createdAt: 1,
    updatedAt: 1,
    hlc: at,
    fieldHlc: { title: at, agenda: at, [AGENDA_ITEMS]: at },
    deviceId: 'a',
    dirty: 0,
    version: 1,
    rev: null,
    deleted: 0,
  });
}

/** What this version's saveRecord does to a meeting when its agenda changes. */
function write(record: Meeting, agenda: AgendaItem[], at: string): Meeting {
  const clocks = { ...record.fieldHlc, agenda: at };
  return meetingSchema.parse({
    ...record,
    agenda,
    hlc: at,
    deviceId: at.split(':')[2],
    fieldHlc: stampAgendaItems(record, agenda, clocks, at),
  });
}

/** What the previous version's saveRecord did: `agenda` is one field with one clock. */
function writeV1(record: Meeting, agenda: AgendaItem[], at: string): Meeting {
  return meetingSchema.parse({
    ...record,
    agenda,
    hlc: at,
    deviceId: at.split(':')[2],
    fieldHlc: { ...record.fieldHlc, agenda: at },
  });
}

/**
 * A meeting holding one item, `item-<count>`, after `count` others were removed one by one
 * (`item-0` first): what `count` writes would leave, built at once.
 */
function withTombstones(count: number): Meeting {
  const m = meeting([item(`item-${count}`, 'Kept', 1)], clock(10 + count));
  for (let n = 0; n <= count; n++) m.fieldHlc[agendaItemKey(`item-${n}`)] = clock(10 + n);
  return m;
}

/** A meeting every device holds: items A and B, written by this version. */
function shared(): Meeting {
  const empty = meeting([], clock(1));
  return write(empty, [item(ids.a, 'Goals', 1), item(ids.b, 'Feedback', 2)], clock(2));
}

const texts = (m: Meeting) => m.agenda.map((i) => `${i.text}${i.done ? ' ✓' : ''}`);

/** Merges both ways; the two devices must end with the same record. */
function mergeBoth(laptop: Meeting, desktop: Meeting): Meeting {
  const onLaptop = mergeRecords(laptop, desktop).record;
  const onDesktop = mergeRecords(desktop, laptop).record;
  expect(onDesktop).toEqual({ ...onLaptop, deviceId: onDesktop.deviceId });
  expect(meetingSchema.safeParse(onLaptop).success).toBe(true);
  return onLaptop;
}

describe('agenda item clocks', () => {
  it('stamps the items a write adds, edits and removes, and the agenda-items mark', () => {
    const base = shared();
    expect(base.fieldHlc).toMatchObject({
      agenda: clock(2),
      [AGENDA_ITEMS]: clock(2),
      [agendaItemKey(ids.a)]: clock(2),
      [agendaItemKey(ids.b)]: clock(2),
    });
    const next = write(
      base,
      [{ ...base.agenda[1]!, done: true }, item(ids.c, 'Hiring', 3)],
      clock(5),
    );
    expect(next.fieldHlc).toMatchObject({
      [agendaItemKey(ids.a)]: clock(5), // removed: its clock stays, as a tombstone
      [agendaItemKey(ids.b)]: clock(5),
      [agendaItemKey(ids.c)]: clock(5),
      [AGENDA_ITEMS]: clock(5),
    });
    // Untouched items keep their clock.
    const edit = write(
      next,
      [next.agenda[0]!, { ...next.agenda[1]!, text: 'Hiring plan' }],
      clock(7),
    );
    expect(edit.fieldHlc[agendaItemKey(ids.b)]).toBe(clock(5));
    expect(edit.fieldHlc[agendaItemKey(ids.c)]).toBe(clock(7));
  });

  it('keys fit fieldHlc (40 characters): a UUID as it is, a longer id hashed', () => {
    expect(agendaItemKey(ids.a)).toBe(`ag:${ids.a}`);
    const long = 'x'.repeat(64);
    const other = `${'x'.repeat(63)}y`;
    expect(agendaItemKey(long)).toMatch(/^ag#[0-9a-f]{16}$/);
    expect(agendaItemKey(long)).not.toBe(agendaItemKey(other));
    expect(agendaItemKey(long)).toBe(agendaItemKey('x'.repeat(64)));
    const m = write(shared(), [item(long, 'Long id', 9)], clock(3));
    expect(Object.keys(m.fieldHlc).every((key) => key.length <= 40)).toBe(true);
    expect(meetingSchema.safeParse(m).success).toBe(true);
  });

  it('bounds the tombstones: the newest are kept, the oldest dropped', () => {
    let m = withTombstones(AGENDA_TOMBSTONES + 1);
    m = write(m, [item(`item-${AGENDA_TOMBSTONES + 2}`, 'Last', 1)], clock(5000));
    const keys = Object.keys(m.fieldHlc).filter((key) => key.startsWith('ag:'));
    expect(keys).toHaveLength(AGENDA_TOMBSTONES + 1); // the one item held, and 500 tombstones
    expect(m.fieldHlc[agendaItemKey('item-0')]).toBeUndefined();
    expect(m.fieldHlc[agendaItemKey('item-3')]).toBeDefined();
  });
});

describe('mergeRecords: agendas item by item', () => {
  it('two devices each add an item offline: both have both, in one order', () => {
    const base = shared();
    const laptop = write(base, [...base.agenda, item(ids.c, 'Hiring', 3)], clock(5, 'a'));
    const desktop = write(
      base,
      [
        ...base.agenda,
        item('d4444444-4444-4444-8444-444444444444', 'Offsite', 3, { createdAt: 1 }),
      ],
      clock(6, 'b'),
    );
    const merged = mergeBoth(laptop, desktop);
    expect(texts(merged)).toEqual(['Goals', 'Feedback', 'Offsite', 'Hiring']);
    expect(mergeRecords(laptop, desktop)).toMatchObject({ localAhead: true, localChanged: true });
    // Once both hold the result, nothing is left to send.
    expect(mergeRecords(merged, merged)).toMatchObject({ localAhead: false, localChanged: false });
    expect(mergeRecords(merged, desktop)).toMatchObject({ localAhead: true, localChanged: false });
  });

  it('one edits item A while the other ticks item B done: both survive', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    const laptop = write(base, [{ ...a, text: 'Goals for Q3' }, b], clock(5, 'a'));
    const desktop = write(base, [a, { ...b, done: true }], clock(6, 'b'));
    expect(texts(mergeBoth(laptop, desktop))).toEqual(['Goals for Q3', 'Feedback ✓']);
  });

  it('one removes item A while the other edits item B: A stays removed, B keeps its edit', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    const laptop = write(base, [b], clock(5, 'a'));
    const desktop = write(base, [a, { ...b, text: 'Feedback on the demo' }], clock(4, 'b'));
    expect(texts(mergeBoth(laptop, desktop))).toEqual(['Feedback on the demo']);
  });

  it('one removes item A while the other edits it: the later clock wins', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    const removed = (at: number) => write(base, [b], clock(at, 'a'));
    const edited = (at: number) => write(base, [{ ...a, text: 'Goals, again' }, b], clock(at, 'b'));
    expect(texts(mergeBoth(removed(5), edited(6)))).toEqual(['Goals, again', 'Feedback']);
    expect(texts(mergeBoth(removed(6), edited(5)))).toEqual(['Feedback']);
  });

  it('both edit the same item: the later write of it wins, whole', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    const laptop = write(base, [{ ...a, text: 'Goals (laptop)', done: true }, b], clock(5, 'a'));
    const desktop = write(base, [{ ...a, text: 'Goals (desktop)' }, b], clock(6, 'b'));
    expect(texts(mergeBoth(laptop, desktop))).toEqual(['Goals (desktop)', 'Feedback']);
  });

  it('a reorder on one device and an addition on the other both survive', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    const laptop = write(
      base,
      [
        { ...a, order: 2 },
        { ...b, order: 1 },
      ],
      clock(5, 'a'),
    );
    const desktop = write(base, [a, b, item(ids.c, 'Hiring', 3)], clock(6, 'b'));
    expect(texts(mergeBoth(laptop, desktop))).toEqual(['Feedback', 'Goals', 'Hiring']);
  });

  it('an item removed on both sides stays removed, with the later clock', () => {
    const base = shared();
    const b = base.agenda[1]!;
    const merged = mergeBoth(write(base, [b], clock(5, 'a')), write(base, [b], clock(6, 'b')));
    expect(texts(merged)).toEqual(['Feedback']);
    expect(merged.fieldHlc[agendaItemKey(ids.a)]).toBe(clock(6, 'b'));
  });

  it('gives the same result whichever device merges, over many concurrent edits', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const edit = (m: Meeting, at: string) => {
      const agenda = m.agenda
        .filter(() => random() > 0.2)
        .map((i) => (random() > 0.5 ? { ...i, text: `${i.text}+`, done: random() > 0.5 } : i));
      const order = random() * 5;
      const id = `n${Math.floor(random() * 1e9)}`;
      if (random() > 0.4) agenda.push(item(id, 'New', order, { createdAt: Math.floor(order) }));
      return write(m, agenda, at);
    };
    for (let round = 0; round < 200; round++) {
      let laptop = shared();
      let desktop = shared();
      for (let step = 0; step < 4; step++) {
        if (random() > 0.5) laptop = edit(laptop, clock(10 + round * 10 + step, 'a'));
        else desktop = edit(desktop, clock(10 + round * 10 + step, 'b'));
      }
      const merged = mergeBoth(laptop, desktop);
      // Merging again changes nothing: the devices agree.
      expect(mergeRecords(merged, laptop).localChanged).toBe(false);
      expect(mergeRecords(merged, desktop).localChanged).toBe(false);
    }
  });

  it('a dropped tombstone is no difference: no back-and-forth over it', () => {
    let laptop = withTombstones(AGENDA_TOMBSTONES);
    // The desktop still holds every tombstone; the laptop removes one more item, dropping the oldest.
    const desktop = laptop;
    laptop = write(laptop, [], clock(5000, 'a'));
    const onDesktop = mergeRecords(desktop, laptop);
    expect(onDesktop.record.fieldHlc[agendaItemKey('item-0')]).toBeUndefined();
    expect(onDesktop.localAhead).toBe(false);
    // A device of the previous version keeps every clock it saw: the laptop does not take it back.
    const old = mergeRecordsV1(desktop, laptop).record;
    expect(old.fieldHlc[agendaItemKey('item-0')]).toBeDefined();
    expect(mergeRecords(laptop, old)).toMatchObject({ localAhead: false, localChanged: false });
  });
});

describe('mergeRecords with a device of the previous version', () => {
  it('sees a whole-agenda write where the agenda clock is later than its items mark', () => {
    expect(wholeAgendaWrite(shared())).toBe(false);
    expect(wholeAgendaWrite(writeV1(shared(), [], clock(5, 'old')))).toBe(true);
    // A meeting written before this version: no items mark at all.
    expect(wholeAgendaWrite({ hlc: clock(1), fieldHlc: { agenda: clock(1) } })).toBe(true);
  });

  it('an old device edited the agenda: the whole agenda written last, as before', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    const old = writeV1(base, [a, { ...b, done: true }], clock(6, 'old'));
    const fresh = write(base, [{ ...a, text: 'Goals for Q3' }, b], clock(5, 'new'));
    const merged = mergeBoth(old, fresh);
    expect(texts(merged)).toEqual(['Goals', 'Feedback ✓']);
    expect(merged.agenda).toEqual(mergeRecordsV1(fresh, old).record.agenda);
    // The other way round: the new device's later write wins whole.
    const later = write(base, [{ ...a, text: 'Goals for Q3' }, b], clock(7, 'new'));
    expect(texts(mergeBoth(old, later))).toEqual(['Goals for Q3', 'Feedback']);
  });

  it('old devices merge records of this version as before: the agenda written last, whole', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    const laptop = write(base, [{ ...a, text: 'Goals for Q3' }, b], clock(5, 'a'));
    const desktop = write(base, [a, b, item(ids.c, 'Hiring', 3)], clock(6, 'b'));
    for (const [local, remote] of [
      [laptop, desktop],
      [desktop, laptop],
    ] as const) {
      const { record } = mergeRecordsV1(local, remote);
      expect(texts(record)).toEqual(['Goals', 'Feedback', 'Hiring']);
      // Its result parses, keeps every item clock (the later of each) and passes for this
      // version's own write where the desktop's was last.
      expect(meetingSchema.safeParse(record).success).toBe(true);
      expect(record.fieldHlc[agendaItemKey(ids.a)]).toBe(clock(5, 'a'));
      expect(record.fieldHlc[agendaItemKey(ids.c)]).toBe(clock(6, 'b'));
      expect(wholeAgendaWrite(record)).toBe(false);
    }
  });

  it('a new and an old device settle: merging back and forth stops', () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    let fresh = write(base, [a, { ...b, done: true }, item(ids.c, 'Hiring', 3)], clock(5, 'new'));
    let old = writeV1(base, [{ ...a, text: 'Goals for Q3' }, b], clock(6, 'old'));
    // Each pulls the other's copy and sends its own while it holds something the other lacks.
    for (let round = 0; round < 3; round++) {
      const onNew = mergeRecords(fresh, old);
      const onOld = mergeRecordsV1(old, onNew.record);
      fresh = onNew.record;
      old = onOld.record;
    }
    expect(mergeRecords(fresh, old)).toMatchObject({ localAhead: false, localChanged: false });
    expect(mergeRecordsV1(old, fresh)).toMatchObject({ localAhead: false, localChanged: false });
    expect(texts(fresh)).toEqual(['Goals for Q3', 'Feedback']);
  });

  it("a new device writing over an old device's agenda takes it as of that write", () => {
    const base = shared();
    const [a, b] = base.agenda as [AgendaItem, AgendaItem];
    // An old device removed B and edited A; this version then adds C on top of that.
    const old = writeV1(base, [{ ...a, text: 'Goals for Q3' }], clock(6, 'old'));
    const laptop = write(old, [...old.agenda, item(ids.c, 'Hiring', 3)], clock(7, 'a'));
    expect(wholeAgendaWrite(laptop)).toBe(false);
    expect(laptop.fieldHlc).toMatchObject({
      [agendaItemKey(ids.a)]: clock(6, 'old'),
      [agendaItemKey(ids.b)]: clock(6, 'old'),
      [agendaItemKey(ids.c)]: clock(7, 'a'),
    });
    // A device that still holds B, edited before the old device's write: B stays removed.
    const stale = write(base, [a, { ...b, text: 'Feedback, edited' }], clock(5, 'b'));
    expect(texts(mergeBoth(laptop, stale))).toEqual(['Goals for Q3', 'Hiring']);
    // An edit of A made after the old device's write survives beside the laptop's addition.
    const desktop = write(old, [{ ...old.agenda[0]!, done: true }], clock(8, 'b'));
    expect(texts(mergeBoth(laptop, desktop))).toEqual(['Goals for Q3 ✓', 'Hiring']);
  });

  it('an agenda written before this version merges whole, as before', () => {
    const before = (agenda: AgendaItem[], at: string) =>
      meetingSchema.parse({ ...meeting(agenda, at), fieldHlc: { title: at, agenda: at } });
    const laptop = before([item(ids.a, 'Goals', 1)], clock(5, 'a'));
    const desktop = before([item(ids.b, 'Feedback', 1)], clock(6, 'b'));
    expect(texts(mergeBoth(laptop, desktop))).toEqual(['Feedback']);
  });
});
