import type { Page } from '@playwright/test';
import { callBackground } from './background';
import { expect, test } from './extension';
import { expectDecided } from './page-state';
import { seed } from './seed';

// Google's pages as captured from the live sites in 2026 (tests/fixtures/calendar/popover.mjs,
// tests/fixtures/meet/call.html): what a new user would meet, in both Calendar languages.

const WEEK = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/23';
const CALL = 'https://meet.google.com/abc-defg-hij';
const host = (page: Page) => page.locator('[data-taiwa="prep-panel"]');
const panel = (page: Page) => page.frameLocator('[data-taiwa="prep-panel"] iframe');
const chip = (page: Page, event: string) => page.locator(`[data-fixture-event="${event}"]`);
const sidebar = (page: Page) => page.frameLocator('[data-taiwa="notes-sidebar"] iframe');

interface PrepView {
  event: { isOneOnOne: boolean } | null;
  meeting: { meeting: { plannedStart: number; plannedEnd: number | null } } | null;
}

/** The background's view of an event: once it is there, the content script has decided. */
const prepView = (page: Page, eventId: string) =>
  callBackground<PrepView>(page, 'getPrepView', { eventId });

for (const hl of ['en', 'ja'] as const) {
  test.describe(`Calendar (${hl === 'en' ? 'English' : 'Japanese, 24-hour'})`, () => {
    test.use({ language: hl });
    const week = `${WEEK}?hl=${hl}`;

    test('the panel names the right person, and follows a reused card to a group and to another 1on1', async ({
      page,
      context,
      extensionUrl,
    }) => {
      const popup = await context.newPage();
      await popup.goto(extensionUrl('popup.html'));
      await page.goto(week);
      await chip(page, 'aiko').click();
      await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');

      // The same card, reused for a group meeting: the panel goes, Aiko's notes with it.
      await chip(page, 'team').click();
      await expect
        .poll(async () => (await prepView(popup, 'teamweekly_20261125T020000Z')).event)
        .toMatchObject({ isOneOnOne: false });
      await expect(host(page)).toHaveCount(0);

      // Reused again for another 1on1: the new person, never the previous one. Google changes
      // the card's id before its children (the fixture: 60 ms apart); every frame is watched
      // until the card has settled (re-rendered, and decided on again).
      await chip(page, 'aiko').click();
      await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
      const watch = page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const seen: string[] = [];
            const look = () => {
              const host = document.querySelector<HTMLElement>('[data-taiwa="prep-panel"]');
              const src = host?.querySelector('iframe')?.src ?? '';
              if (host && host.style.visibility !== 'hidden') seen.push(src.split('#')[1] ?? '');
            };
            const observer = new MutationObserver(look);
            observer.observe(document.body, { subtree: true, attributes: true, childList: true });
            const card = document.querySelector<HTMLElement>('[jsname="ssXDle"]')!;
            const frame = () => {
              look();
              // The panel follows a change of the card in the observer callback of that change.
              if (card.dataset.fixtureRerendered !== 'yamada') return requestAnimationFrame(frame);
              observer.disconnect();
              resolve(seen);
            };
            requestAnimationFrame(frame);
            document.querySelector<HTMLElement>('[data-fixture-event="yamada"]')!.click();
          }),
      );
      const shownDuringSwitch = await watch;
      expect(shownDuringSwitch.length).toBeGreaterThan(0);
      expect(shownDuringSwitch.filter((hash) => hash.startsWith('aiko'))).toEqual([]);
      await expect(panel(page).getByTestId('person-name')).toHaveText('山田 太郎');
      await chip(page, 'aiko').click();
      await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
      // Google re-renders the content list ~0.8 s after opening; the panel stays on Aiko.
      await expect(page.locator('[data-chips-dialog][jsname="ssXDle"]')).toHaveAttribute(
        'data-fixture-rerendered',
        'aiko',
      );
      await expectDecided(page, 'shown');
      await expect
        .poll(() => page.evaluate(() => document.querySelector('.hMdQi [data-taiwa]')))
        .toBeNull();
      await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
    });

    test('a title holding a time keeps the right start', async ({
      page,
      context,
      extensionUrl,
    }) => {
      const popup = await context.newPage();
      await popup.goto(extensionUrl('popup.html'));
      await page.goto(week);
      await chip(page, 'moved').click();
      await expect(panel(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
      const view = await prepView(popup, 'aiko1on1_20261127T000000Z');
      const start = new Date(view.meeting!.meeting.plannedStart);
      expect([start.getDate(), start.getHours(), start.getMinutes()]).toEqual([27, 14, 0]);
      expect(view.meeting!.meeting.plannedEnd! - start.getTime()).toBe(30 * 60_000);
    });

    test('a card whose guest rows cannot be read says so, records nothing, and offers its structure', async ({
      page,
      context,
      extensionUrl,
    }) => {
      await page.goto(week);
      await chip(page, 'unreadable').click();
      const unread = panel(page).getByTestId('card-unread');
      await expect(unread).toBeVisible();
      await expect(unread.locator('[data-problem="guests"]')).toBeVisible();
      await expect(unread).toContainText(hl === 'ja' ? 'ゲスト' : 'guests');

      const popup = await context.newPage();
      await popup.goto(extensionUrl('popup.html'));
      // Nothing was recorded from the half-read card: no event, no person.
      expect((await prepView(popup, 'chris1on1')).event).toBeNull();
      expect(await callBackground<unknown[]>(popup, 'listPeople')).toEqual([]);
      // The popup shows the degraded state (two checks 3 s apart must agree).
      await expect(popup.getByTestId('health')).toHaveAttribute('data-state', 'degraded', {
        timeout: 15_000,
      });
      await popup.getByTestId('copy-structure').click();
      const structure = await popup.getByTestId('page-structure').inputValue();
      expect(structure).toContain('id="xDetDlg"');
      expect(structure).toContain('id="xDetDlgAtt"');
      for (const secret of ['Chris', 'Ben Suzuki', '@example.com', '1on1 Chris']) {
        expect(structure).not.toContain(secret);
      }
      await expect(popup.getByTestId('health').getByRole('status')).not.toBeEmpty();
    });
  });
}

/** Meet's own texts and Taiwa's, in each language. */
const MEET_LANG = {
  en: {
    chat: 'Meeting ended? You left the meeting',
    caption: 'the call has ended, I think',
    everyoneSpeaks: 'everyone speaks',
  },
  ja: {
    chat: '会議は終了しました？通話から退出しました',
    caption: '通話は終了しました、たぶん',
    everyoneSpeaks: '全員がずっと話している',
  },
} as const;

for (const lang of ['en', 'ja'] as const) {
  test.describe(`Meet (${lang === 'en' ? 'English' : 'Japanese'})`, () => {
    test.use({ language: lang });
    const words = MEET_LANG[lang];

    /** Aiko's 1on1 today, with this call's Meet code. */
    async function seedAiko(page: Page, extensionUrl: (path: string) => string) {
      await seed(page, extensionUrl, [
        {
          person: { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka', cadence: 'weekly' },
          meetings: [
            {
              title: '1on1 Aiko / Ben',
              plannedStart: Date.now() - 60_000,
              plannedEnd: Date.now() + 29 * 60_000,
              meetCode: 'abc-defg-hij',
            },
          ],
        },
      ]);
    }

    test('a chat line or a caption saying the meeting ended does not end the call', async ({
      page,
      extensionUrl,
    }) => {
      await seedAiko(page, extensionUrl);
      await page.goto(`${CALL}?chat=1&captions=1&lang=${lang}`);
      await expect(sidebar(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
      await page.evaluate((words) => {
        const { fx } = window as unknown as {
          fx: {
            chat(text: string): void;
            caption(name: string, text: string): void;
            speak(who: string, on: boolean): void;
          };
        };
        fx.chat(words.chat);
        fx.caption('Aiko Tanaka', words.caption);
        fx.speak('other', true);
      }, words);
      const chatAt = Date.now();
      // The signal that Taiwa still reads the call well after the end's debounce (1.2 s): talk
      // time, sampled only in a call, keeps growing in reports made after it.
      const meter = sidebar(page).getByTestId('talk-ratio');
      const othersMs = async () => Number(await meter.getAttribute('data-others-ms'));
      await expect
        .poll(async () => Date.now() - chatAt > 2_500 && (await othersMs()) > 0)
        .toBe(true);
      const later = await othersMs();
      await expect.poll(othersMs, { timeout: 10_000 }).toBeGreaterThan(later);
      await expect(sidebar(page).getByTestId('talk-ratio')).toBeVisible();
      await expect(sidebar(page).getByTestId('wrap-up')).toHaveCount(0);
    });

    test('a renamed speaking class gives "cannot measure" and a degraded health line', async ({
      page,
      extensionUrl,
    }) => {
      await seedAiko(page, extensionUrl);
      await page.goto(`${CALL}?quiet=renamed&lang=${lang}`);
      await expect(sidebar(page).getByTestId('person-name')).toHaveText('Aiko Tanaka');
      const meter = sidebar(page).getByTestId('talk-ratio');
      // Everyone "speaking" in every sample for 10 s is not a conversation.
      await expect(meter).toHaveAttribute('data-state', 'unmeasurable', { timeout: 20_000 });
      await expect(meter.locator('[data-reason="implausible"]')).toBeVisible();
      await expect(meter).toHaveAttribute('data-self-ms', '0');
      const health = sidebar(page).getByTestId('health');
      await expect(health).toHaveAttribute('data-state', 'degraded', { timeout: 10_000 });
      await expect(health).toContainText(words.everyoneSpeaks);
    });
  });
}
