import { inputs } from '@/utils/messaging/inputs';
import * as calendar from './calendar';
import * as data from './data';
import * as drafts from './drafts';
import * as feed from './feed';
import * as health from './health';
import { fitHost } from './host-layout';
import * as meet from './meet';
import { savePopupSnapshot } from './popup-snapshot';
import * as read from './read';
import {
  CALENDAR_TAB,
  FRAMED_VIEWS,
  GOOGLE_TABS,
  MEET_TAB,
  OPTIONS_PAGE,
  PAGES,
  PAGES_AND_TABS,
  POPUP_PAGE,
  SYNC_SETUP_PAGE,
  SYNC_STATUS_PAGES,
  VIEWS,
} from './sender-rules';
import { serve, type PolicyTable } from './serve';
import * as settings from './settings';
import * as share from './share';
import { getStatus } from './status';
import * as sync from './sync';
import * as write from './write';

/**
 * Every message the background answers: its payload's schema, who may send it (sender-rules.ts)
 * and its handler. This table is the whole of the background's message surface; `serve()` is the
 * only listener, and a meta-test checks that the frames in Google's tabs are allowed exactly the
 * messages their code sends. Ports (backup, changes) are ruled in backup-port.ts and changes.ts.
 */
export const POLICY: PolicyTable = {
  getStatus: { input: inputs.getStatus, from: PAGES_AND_TABS, run: getStatus },

  // What the Google tabs see.
  recordCalendarEvent: {
    input: inputs.recordCalendarEvent,
    from: CALENDAR_TAB,
    run: calendar.recordEvent,
  },
  recordCalendarChips: {
    input: inputs.recordCalendarChips,
    from: CALENDAR_TAB,
    run: calendar.recordChips,
  },
  getTitleKeywords: {
    input: inputs.getTitleKeywords,
    from: CALENDAR_TAB,
    run: settings.getTitleKeywords,
  },
  reportCall: { input: inputs.reportCall, from: MEET_TAB, run: meet.reportCall },
  reportHealth: { input: inputs.reportHealth, from: GOOGLE_TABS, run: health.reportHealth },

  // The panel and the sidebar (and Taiwa's pages).
  getPrepView: { input: inputs.getPrepView, from: VIEWS, run: calendar.getPrepView },
  setEventVerdict: { input: inputs.setEventVerdict, from: VIEWS, run: calendar.setEventVerdict },
  getCallView: { input: inputs.getCallView, from: VIEWS, run: meet.getCallView },
  answerCall: { input: inputs.answerCall, from: VIEWS, run: meet.answerCall },
  linkMeetCall: { input: inputs.linkMeetCall, from: VIEWS, run: meet.linkMeetCall },
  fitHost: { input: inputs.fitHost, from: FRAMED_VIEWS, run: fitHost },
  getHealth: { input: inputs.getHealth, from: VIEWS, run: health.getHealth },
  getPageStructure: {
    input: inputs.getPageStructure,
    from: VIEWS,
    run: health.getPageStructure,
  },
  listPeople: { input: inputs.listPeople, from: VIEWS, run: read.listPeople },
  getMeetingView: { input: inputs.getMeetingView, from: VIEWS, run: read.getMeetingView },
  listTemplates: { input: inputs.listTemplates, from: VIEWS, run: read.listTemplates },
  updatePerson: { input: inputs.updatePerson, from: VIEWS, run: write.updatePerson },
  createMeeting: { input: inputs.createMeeting, from: VIEWS, run: write.createMeeting },
  updateMeeting: { input: inputs.updateMeeting, from: VIEWS, run: write.updateMeeting },
  saveAgendaItem: { input: inputs.saveAgendaItem, from: VIEWS, run: write.saveAgendaItem },
  deleteAgendaItem: { input: inputs.deleteAgendaItem, from: VIEWS, run: write.deleteAgendaItem },
  saveNote: { input: inputs.saveNote, from: VIEWS, run: write.saveNote },
  saveDraft: { input: inputs.saveDraft, from: VIEWS, run: drafts.saveDraft },
  dropDraft: { input: inputs.dropDraft, from: VIEWS, run: drafts.dropDraft },
  createAction: { input: inputs.createAction, from: VIEWS, run: write.createAction },
  updateAction: { input: inputs.updateAction, from: VIEWS, run: write.updateAction },
  updateGoal: { input: inputs.updateGoal, from: VIEWS, run: write.updateGoal },
  getShareView: { input: inputs.getShareView, from: VIEWS, run: share.getShareView },
  addTopics: { input: inputs.addTopics, from: VIEWS, run: share.addTopics },
  recordShare: { input: inputs.recordShare, from: VIEWS, run: share.recordShare },

  // Taiwa's own pages: the popup, the notebook, the options page.
  getPopupView: { input: inputs.getPopupView, from: PAGES, run: read.getPopupView },
  getPractice: { input: inputs.getPractice, from: PAGES, run: read.getPractice },
  getPersonHead: { input: inputs.getPersonHead, from: PAGES, run: read.getPersonHead },
  getPersonTimeline: { input: inputs.getPersonTimeline, from: PAGES, run: read.getPersonTimeline },
  search: { input: inputs.search, from: PAGES, run: read.search },
  listOpenActions: { input: inputs.listOpenActions, from: PAGES, run: read.listOpenActions },
  listDoneActions: { input: inputs.listDoneActions, from: PAGES, run: read.listDoneActions },
  createPerson: { input: inputs.createPerson, from: PAGES, run: write.createPerson },
  createGoal: { input: inputs.createGoal, from: PAGES, run: write.createGoal },
  createTemplate: { input: inputs.createTemplate, from: PAGES, run: write.createTemplate },
  updateTemplate: { input: inputs.updateTemplate, from: PAGES, run: write.updateTemplate },
  deleteRecord: { input: inputs.deleteRecord, from: PAGES, run: write.deleteRecord },
  deletePerson: { input: inputs.deletePerson, from: PAGES, run: data.deletePerson },
  deleteAll: { input: inputs.deleteAll, from: PAGES, run: data.deleteAll },
  exportPersonMarkdown: {
    input: inputs.exportPersonMarkdown,
    from: PAGES,
    run: data.exportPersonMarkdown,
  },
  exportPersonJson: { input: inputs.exportPersonJson, from: PAGES, run: data.exportPersonJson },
  exportActionsCsv: { input: inputs.exportActionsCsv, from: PAGES, run: data.exportActionsCsv },
  getSettings: { input: inputs.getSettings, from: PAGES, run: settings.getSettings },
  saveSettings: { input: inputs.saveSettings, from: PAGES, run: settings.saveSettings },
  savePopupSnapshot: {
    input: inputs.savePopupSnapshot,
    from: POPUP_PAGE,
    run: savePopupSnapshot,
  },

  // Sync: status where it is shown, setup in the options page alone.
  getSyncStatus: { input: inputs.getSyncStatus, from: SYNC_STATUS_PAGES, run: sync.getSyncStatus },
  syncNow: { input: inputs.syncNow, from: SYNC_STATUS_PAGES, run: sync.syncNow },
  syncForget: { input: inputs.syncForget, from: SYNC_SETUP_PAGE, run: sync.syncForget },
  syncConnect: { input: inputs.syncConnect, from: SYNC_SETUP_PAGE, run: sync.syncConnect },

  // The calendar feed: its address is a secret, so it is set in the options page alone.
  getFeedStatus: { input: inputs.getFeedStatus, from: PAGES, run: feed.getFeedStatus },
  feedRefresh: { input: inputs.feedRefresh, from: PAGES, run: feed.feedRefresh },
  feedConnect: { input: inputs.feedConnect, from: OPTIONS_PAGE, run: feed.feedConnect },
  feedSetSelf: { input: inputs.feedSetSelf, from: OPTIONS_PAGE, run: feed.feedSetSelf },
  feedDisconnect: { input: inputs.feedDisconnect, from: OPTIONS_PAGE, run: feed.feedDisconnect },
};

/** Answers every message of the protocol, by the table. */
export function setupApi(): void {
  serve(POLICY);
}
