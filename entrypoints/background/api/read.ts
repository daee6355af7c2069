import { readSettings } from '../settings-store';
import { popupView, practiceView } from '../db/dashboard';
import { getDb } from '../db/database';
import { stripDerived } from '../db/derive';
import {
  doneActions,
  meetingView,
  openActions,
  peopleOverview,
  personHead,
  personTimeline,
} from '../db/queries';
import { search as searchDb } from '../db/search';
import { refreshFeed } from '../feed/runner';
import type { Handler } from './serve';

/* Reads for the popup, the notebook, the options page, the panel and the sidebar. */

export const listPeople: Handler<'listPeople'> = () => peopleOverview(getDb(), Date.now());

/**
 * The popup opening is a moment to know the week: a calendar feed read over 5 minutes ago is
 * read again, and the popup shows what it brings as it lands (a change event), never waiting.
 */
export const getPopupView: Handler<'getPopupView'> = () => {
  void refreshFeed('popup');
  return popupView(getDb(), Date.now());
};

export const getPractice: Handler<'getPractice'> = async ({ months }) =>
  practiceView(getDb(), Date.now(), months, (await readSettings()).talkTargetSelfPercent);

export const getPersonHead: Handler<'getPersonHead'> = ({ personId }) =>
  personHead(getDb(), personId);

export const getPersonTimeline: Handler<'getPersonTimeline'> = ({ personId, before, limit }) =>
  personTimeline(getDb(), personId, { before, limit });

export const getMeetingView: Handler<'getMeetingView'> = ({ meetingId }) =>
  meetingView(getDb(), meetingId);

export const search: Handler<'search'> = ({ query, limit }) => searchDb(getDb(), query, limit);

export const listOpenActions: Handler<'listOpenActions'> = ({ owner }) =>
  openActions(getDb(), owner);

export const listDoneActions: Handler<'listDoneActions'> = ({ personId }) =>
  doneActions(getDb(), personId);

export const listTemplates: Handler<'listTemplates'> = async () =>
  (await getDb().templates.toArray())
    .filter((t) => !t.deleted)
    .map((t) => stripDerived<'templates'>(t));
