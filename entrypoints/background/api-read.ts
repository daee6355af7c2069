import { readSettings } from './settings-store';
import { popupView, practiceView } from './db/dashboard';
import { getDb } from './db/database';
import { findMeetingByEvent, findMeetingByMeetCode } from './db/meetings';
import {
  doneActions,
  meetingsBetween,
  meetingView,
  openActions,
  peopleOverview,
  personTimeline,
  search,
} from './db/queries';
import { stripDerived } from './db/derive';
import { FROM_PAGES, FROM_VIEWS, handle } from './handle';
import { refreshFeed } from './feed/runner';

/** Reads for the popup, the notebook, the options page, the panel and the sidebar. */
export function setupReadApi(): void {
  handle('listPeople', FROM_VIEWS, () => peopleOverview(getDb(), Date.now()));
  handle('getPopupView', FROM_PAGES, () => {
    // The popup opening is a moment to know the week: a feed read over 5 minutes ago is read
    // again, and the popup shows what it brings as it lands (a change event), never waiting.
    void refreshFeed('popup');
    return popupView(getDb(), Date.now());
  });
  handle('getPractice', FROM_PAGES, async ({ months }) =>
    practiceView(getDb(), Date.now(), months, (await readSettings()).talkTargetSelfPercent),
  );
  handle('getPersonTimeline', FROM_PAGES, ({ personId, before, limit }) =>
    personTimeline(getDb(), personId, { before, limit }),
  );
  handle('getMeetingView', FROM_VIEWS, ({ meetingId }) => meetingView(getDb(), meetingId));
  handle('findMeeting', FROM_PAGES, async (query) => {
    const meeting =
      'eventId' in query
        ? await findMeetingByEvent(getDb(), query.eventId)
        : await findMeetingByMeetCode(getDb(), query.meetCode);
    return meeting?.id ?? null;
  });
  handle('search', FROM_PAGES, ({ query, limit }) => search(getDb(), query, limit));
  handle('listOpenActions', FROM_PAGES, ({ owner }) => openActions(getDb(), owner));
  handle('listDoneActions', FROM_PAGES, ({ personId }) => doneActions(getDb(), personId));
  handle('listTemplates', FROM_VIEWS, async () =>
    (await getDb().templates.toArray())
      .filter((t) => !t.deleted)
      .map((t) => stripDerived<'templates'>(t)),
  );
  handle('listMeetings', FROM_PAGES, ({ from, to }) => meetingsBetween(getDb(), from, to));
}
