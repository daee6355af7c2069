// A little history for the demo, so the prep panel has something to show on first open:
// Aiko (a direct report) met three times before, with an open action item, an unfinished topic,
// shared notes and her condition each time. Made-up people, written through Taiwa's own protocol.

import { installPageCall } from '../tests/support/message.mjs';

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {string} extensionId
 */
export async function seedDemoHistory(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await installPageCall(page);
  await page.evaluate(async () => {
    const call = /** @type {(type: string, data?: unknown) => Promise<unknown>} */ (
      /** @type {any} */ (window).call
    );
    const week = 7 * 86_400_000;
    const aiko = /** @type {{ id: string }} */ (
      await call('createPerson', {
        email: 'aiko.tanaka@example.com',
        name: 'Aiko Tanaka',
        relationship: 'report',
        cadence: 'weekly',
      })
    );
    const history = [
      {
        weeksAgo: 3,
        condition: 3,
        note: 'Settling into the payments team. Wants more code review.',
      },
      {
        weeksAgo: 2,
        condition: 4,
        note: 'Shipped the refund flow. Asked about speaking at a meetup.',
      },
      {
        weeksAgo: 1,
        condition: 2,
        note: 'Tired after the release crunch; agreed to protect Fridays.',
      },
    ];
    let last = /** @type {{ id: string } | null} */ (null);
    for (const h of history) {
      last = /** @type {{ id: string }} */ (
        await call('createMeeting', {
          personId: aiko.id,
          title: '1on1 Aiko / Ben',
          plannedStart: Date.parse('2026-11-24T10:00:00') - h.weeksAgo * week,
          status: 'held',
          condition: h.condition,
        })
      );
      await call('saveNote', { meetingId: last.id, kind: 'shared', text: h.note });
    }
    if (!last) return;
    await call('updateMeeting', {
      id: last.id,
      patch: {
        agenda: [
          {
            id: crypto.randomUUID(),
            text: 'Meetup talk: pick a topic',
            author: 'them',
            category: 'career',
            response: 'think-together',
            done: false,
            order: 1,
            originId: null,
            createdAt: Date.now(),
          },
        ],
      },
    });
    await call('createAction', {
      personId: aiko.id,
      meetingId: last.id,
      text: 'Send Aiko the list of meetups',
      owner: 'me',
    });
    await call('createGoal', { personId: aiko.id, text: 'Lead one feature end to end this half' });
  });
  await page.close();
}
