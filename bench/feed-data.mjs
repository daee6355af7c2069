// One busy year of a manager's Google Calendar as its secret address serves it (the line shapes
// of tests/support/ics.mjs, from a captured export): deterministic, `count` VEVENTs in all.
import { buildIcs, TOKYO_VTIMEZONE } from '../tests/support/ics.mjs';

const MIN = 60_000;
const DAY = 86_400_000;
const SELF = { email: 'ben.suzuki@example.com', name: 'Ben Suzuki' };
const ROOMS = ['c_1889abc', 'c_2990bcd', 'c_3aa1cde'].map((id, i) => ({
  email: `${id}@resource.calendar.google.com`,
  name: `Tokyo-${i + 3}F-Room`,
  cutype: /** @type {const} */ ('RESOURCE'),
}));
/** @type {{ email: string, name: string }[]} */
const PEOPLE = Array.from({ length: 60 }, (_, i) => ({
  email: `person${i}@example.com`,
  name: `Person ${i} ${['田中', '佐藤', 'Smith', 'Ito', '山田'][i % 5]}`,
}));
const GROUPS = ['eng', 'design', 'sales'].map((g) => ({
  email: `${g}@example.com`,
  name: g,
  cutype: /** @type {const} */ ('GROUP'),
}));
const TITLES = [
  'Design review',
  'Sprint planning',
  '採用面接',
  'Customer call',
  'Architecture sync',
  '週次定例',
  'Incident retro',
  'Budget review',
];
const DESCRIPTION =
  'Agenda: status, risks, next steps. Notes in the shared doc.\n-::~:~::~:~:~:~:~:~:~:~:~::~:~::-\n';

/** A small deterministic generator (mulberry32). */
function random(/** @type {number} */ seed) {
  let t = seed;
  return () => {
    t += 0x6d2b79f5;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {{ now?: number, count?: number, seed?: number }} [options]
 * @returns {{ ics: string, events: number, bytes: number }}
 */
export function busyYear({ now = Date.now(), count = 5_000, seed = 18 } = {}) {
  const rand = random(seed);
  /** @template T @param {T[]} list @returns {T} */
  const pick = (list) => /** @type {T} */ (list[Math.floor(rand() * list.length)]);
  const person = (/** @type {number} */ i) =>
    /** @type {{ email: string, name: string }} */ (PEOPLE[i]);
  const yearStart = Math.floor((now - 182 * DAY) / DAY) * DAY;
  /** @type {import('../tests/support/ics.mjs').FeedEvent[]} */
  const events = [];
  const meet = () =>
    Array.from({ length: 3 }, (_, i) =>
      Array.from({ length: i === 1 ? 4 : 3 }, () =>
        String.fromCharCode(97 + Math.floor(rand() * 26)),
      ).join(''),
    ).join('-');

  // Weekly 1on1s with twelve reports (Asia/Tokyo wall time, as Google writes recurring events),
  // each with moved instances and cancelled ones.
  for (let r = 0; r < 12; r++) {
    const report = person(r);
    const first = yearStart + (r % 5) * DAY + (1 + (r % 6)) * 60 * MIN;
    const uid = `oneonone${r}series`;
    events.push({
      uid: `${uid}@google.com`,
      summary: `1on1 ${report.name} / Ben`,
      start: first,
      end: first + 30 * MIN,
      rrule: 'FREQ=WEEKLY',
      tzid: 'Asia/Tokyo',
      exdates: [first + 14 * 7 * DAY, first + 30 * 7 * DAY],
      organizer: SELF.email,
      attendees: [SELF, report],
      meet: meet(),
      description: DESCRIPTION,
    });
    for (let k = 0; k < 4; k++) {
      const week = Math.floor(rand() * 52);
      const original = first + week * 7 * DAY;
      events.push({
        uid: `${uid}@google.com`,
        summary: `1on1 ${report.name} / Ben`,
        start: original + 60 * MIN,
        end: original + 90 * MIN,
        recurrenceId: original,
        tzid: 'Asia/Tokyo',
        organizer: SELF.email,
        attendees: [SELF, report],
        description: DESCRIPTION,
      });
    }
  }
  // Team meetings and a daily stand-up, with their exceptions.
  for (let t = 0; t < 5; t++) {
    const first = yearStart + t * DAY + 2 * 60 * MIN;
    const uid = `team${t}weekly@google.com`;
    const attendees = [SELF, ...PEOPLE.slice(t * 6, t * 6 + 6), pick(GROUPS), pick(ROOMS)];
    events.push({
      uid,
      summary: `Team ${t} weekly`,
      start: first,
      end: first + 60 * MIN,
      rrule: 'FREQ=WEEKLY',
      tzid: 'Asia/Tokyo',
      organizer: SELF.email,
      attendees,
      meet: meet(),
    });
    for (let k = 0; k < 4; k++) {
      const original = first + Math.floor(rand() * 52) * 7 * DAY;
      events.push({
        uid,
        summary: `Team ${t} weekly`,
        start: original,
        end: original + 60 * MIN,
        recurrenceId: original,
        tzid: 'Asia/Tokyo',
        status: k % 2 ? 'CANCELLED' : 'CONFIRMED',
        organizer: SELF.email,
        attendees,
      });
    }
  }
  const standup = yearStart + 0.5 * 60 * MIN;
  events.push({
    uid: 'standup@google.com',
    summary: 'Stand-up',
    start: standup,
    end: standup + 15 * MIN,
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    tzid: 'Asia/Tokyo',
    organizer: person(20).email,
    attendees: [SELF, ...PEOPLE.slice(20, 28)],
    meet: meet(),
  });
  for (let k = 0; k < 30; k++) {
    const original = standup + Math.floor(rand() * 365) * DAY;
    events.push({
      uid: 'standup@google.com',
      summary: 'Stand-up',
      start: original + 30 * MIN,
      end: original + 45 * MIN,
      recurrenceId: original,
      tzid: 'Asia/Tokyo',
      organizer: person(20).email,
      attendees: [SELF, ...PEOPLE.slice(20, 28)],
    });
  }
  // Everything else: single events over the year, in UTC as Google writes them. Most are
  // meetings of three to ten; some are two people (1on1s by keyword or by the two-guest rule);
  // some are the user's own blocks (no guests), a few of them all-day.
  for (let i = 0; events.length < count; i++) {
    const day = Math.floor(rand() * 365);
    const start = yearStart + day * DAY + Math.floor(rand() * 18) * 30 * MIN;
    const kind = rand();
    const uid = `single${i.toString(36)}x${Math.floor(rand() * 1e9).toString(36)}@google.com`;
    if (kind < 0.7) {
      const size = 2 + Math.floor(rand() * 8);
      const attendees = [SELF, ...Array.from({ length: size }, () => pick(PEOPLE))];
      if (rand() < 0.5) attendees.push(pick(ROOMS));
      if (rand() < 0.2) attendees.push(pick(GROUPS));
      events.push({
        uid,
        summary: pick(TITLES),
        start,
        end: start + 60 * MIN,
        organizer: pick(attendees).email,
        attendees,
        meet: rand() < 0.8 ? meet() : undefined,
        description: DESCRIPTION,
      });
    } else if (kind < 0.9) {
      const other = pick(PEOPLE);
      events.push({
        uid,
        summary: rand() < 0.5 ? `1on1 ${other.name}` : 'Catch-up',
        start,
        end: start + 30 * MIN,
        organizer: SELF.email,
        attendees: [SELF, other],
        meet: meet(),
        description: DESCRIPTION,
      });
    } else {
      const allDay = rand() < 0.3;
      events.push({
        uid,
        summary: allDay ? 'Out of office' : 'Focus time',
        start: allDay ? yearStart + day * DAY : start,
        end: allDay ? yearStart + (day + 1) * DAY : start + 120 * MIN,
        allDay,
      });
    }
  }
  const ics = buildIcs({ vtimezones: TOKYO_VTIMEZONE, events });
  return { ics, events: events.length, bytes: Buffer.byteLength(ics) };
}
