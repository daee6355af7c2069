import type { Page } from '@playwright/test';
import type { Inputs } from '../../utils/messaging/inputs';
import type { ActionItem, Goal, Meeting, Person } from '../../utils/model/entities';
import { callBackground } from './background';

/** A meeting to write, with the notes and action items written on it. */
export interface SeedMeeting extends Omit<Inputs['createMeeting'], 'personId'> {
  shared?: string;
  private?: string;
  actions?: Omit<Inputs['createAction'], 'personId' | 'meetingId'>[];
}

/** A person to write (or one written before, by id), with their meetings and goals. */
export interface SeedPerson {
  person: Inputs['createPerson'] | { id: string };
  meetings?: SeedMeeting[];
  goals?: string[];
}

/** What was written for one person, in the order given. */
export interface Seeded {
  person: Person;
  meetings: Meeting[];
  actions: ActionItem[];
  goals: Goal[];
}

/**
 * The one way the end-to-end tests write their data: through Taiwa's own protocol, from one of
 * its pages, as the views do. `page` is used as it is when it shows one of Taiwa's pages (a test
 * may carry on there, e.g. on the options page with sync set up); otherwise the popup is opened in
 * it first. Written in the order given: each person, then each meeting with its shared and private
 * notes and action items, then the goals.
 */
export async function seed(
  page: Page,
  extensionUrl: (path: string) => string,
  people: readonly SeedPerson[],
): Promise<Seeded[]> {
  if (!page.url().startsWith(extensionUrl(''))) await page.goto(extensionUrl('popup.html'));
  const seeded: Seeded[] = [];
  for (const { person: given, meetings = [], goals = [] } of people) {
    const person =
      'id' in given
        ? await callBackground<{ person: Person }>(page, 'getPersonTimeline', {
            personId: given.id,
            limit: 1,
          }).then((timeline) => timeline.person)
        : await callBackground<Person>(page, 'createPerson', given);
    const done: Seeded = { person, meetings: [], actions: [], goals: [] };
    for (const { shared, private: memo, actions = [], ...fields } of meetings) {
      const meeting = await callBackground<Meeting>(page, 'createMeeting', {
        ...fields,
        personId: person.id,
      });
      done.meetings.push(meeting);
      for (const [kind, text] of [
        ['shared', shared],
        ['private', memo],
      ] as const) {
        if (text !== undefined) {
          await callBackground(page, 'saveNote', { meetingId: meeting.id, kind, text });
        }
      }
      for (const action of actions) {
        done.actions.push(
          await callBackground<ActionItem>(page, 'createAction', {
            ...action,
            personId: person.id,
            meetingId: meeting.id,
          }),
        );
      }
    }
    for (const text of goals) {
      done.goals.push(
        await callBackground<Goal>(page, 'createGoal', { personId: person.id, text }),
      );
    }
    seeded.push(done);
  }
  return seeded;
}

const DAY = 86_400_000;

/**
 * A small history: Aiko, a direct report met weekly for three weeks with a falling condition, a
 * 1on1 planned in two days, open action items of both sides and notes in Japanese and English; and
 * Ben, a peer never met.
 */
export async function seedHistory(page: Page, extensionUrl: (path: string) => string) {
  const now = Date.now();
  const held = (
    [
      [21, 5, 4, 'Settling into the payments team. Wants more code review.'],
      [14, 4, 5, '来月の登壇に向けて資料を準備することに合意しました。'],
      [7, 2, 3, 'Tired after the release crunch; agreed to protect Fridays.'],
    ] as const
  ).map(([daysAgo, condition, rating, shared]): SeedMeeting => ({
    title: '1on1 Aiko / me',
    plannedStart: now - daysAgo * DAY,
    status: 'held',
    condition,
    rating,
    talkSelfMs: 3 * 60_000,
    talkOthersMs: 12 * 60_000,
    shared,
  }));
  held[2] = {
    ...held[2]!,
    private: 'Watch for burnout signs.',
    actions: [
      { text: 'Send Aiko the list of meetups', owner: 'me', due: now + 2 * DAY },
      { text: 'Draft the talk outline', owner: 'them' },
    ],
  };
  const [aiko, ben] = await seed(page, extensionUrl, [
    {
      person: {
        email: 'aiko.tanaka@example.com',
        name: 'Aiko Tanaka',
        relationship: 'report',
        cadence: 'weekly',
      },
    },
    {
      person: {
        email: 'ben@example.com',
        name: 'Ben Ito',
        relationship: 'peer',
        cadence: 'monthly',
      },
    },
  ]);
  const [history] = await seed(page, extensionUrl, [
    {
      person: { id: aiko!.person.id },
      meetings: [
        ...held,
        {
          title: '1on1 Aiko / me',
          plannedStart: now + 2 * DAY,
          plannedEnd: now + 2 * DAY + 30 * 60_000,
          status: 'planned',
        },
      ],
      goals: ['Give a conference talk'],
    },
  ]);
  return {
    aiko: aiko!.person,
    ben: ben!.person,
    held: history!.meetings.slice(0, 3),
    next: history!.meetings[3]!,
    promise: history!.actions[0]!,
  };
}
