import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ActionItem, Goal, Meeting, Note, Person, Template } from '@/utils/model/entities';
import type { Verdict } from '@/utils/domain/classify';
import type { Settings } from '@/utils/settings';
import type { ShareView } from '@/utils/share/share-view';
import type { Inputs } from './inputs';
import type { DeleteAllResult, SyncSetupResult, SyncStatus } from './sync-status';
import type { FeedConnectResult, FeedStatus } from './feed-status';
import type {
  CallView,
  HealthReport,
  MeetingView,
  PersonOverview,
  PersonHead,
  PersonTimeline,
  PopupView,
  PracticeView,
  PrepView,
  SearchHit,
} from './views';

/**
 * What the background reports about itself. Pages show it, so a service worker that does not
 * answer is a visible state rather than a silently empty view.
 */
export interface BackgroundStatus {
  version: string;
}

export interface CalendarEventResult {
  isOneOnOne: boolean;
  reason: Verdict['reason'];
  personId: string | null;
  meetingId: string | null;
}

export interface ExportFile {
  fileName: string;
  text: string;
}

/**
 * The one typed protocol between every page and the background, which alone owns the database.
 * Payloads are checked at runtime against utils/messaging/inputs.ts; who may send each message,
 * and its handler, are in the background's policy table (entrypoints/background/api/policy.ts).
 */
export interface ProtocolMap {
  getStatus(data: Inputs['getStatus']): BackgroundStatus;
  recordCalendarEvent(data: Inputs['recordCalendarEvent']): CalendarEventResult;
  recordCalendarChips(data: Inputs['recordCalendarChips']): {
    recorded: number;
    unresolved: string[];
  };
  reportHealth(data: Inputs['reportHealth']): void;
  reportCall(data: Inputs['reportCall']): void;

  listPeople(data: Inputs['listPeople']): PersonOverview[];
  getPopupView(data: Inputs['getPopupView']): PopupView;
  getPractice(data: Inputs['getPractice']): PracticeView;
  getPersonHead(data: Inputs['getPersonHead']): PersonHead;
  getPersonTimeline(data: Inputs['getPersonTimeline']): PersonTimeline;
  getMeetingView(data: Inputs['getMeetingView']): MeetingView;
  search(data: Inputs['search']): SearchHit[];
  listOpenActions(data: Inputs['listOpenActions']): ActionItem[];
  listDoneActions(data: Inputs['listDoneActions']): ActionItem[];
  getPrepView(data: Inputs['getPrepView']): PrepView;
  getHealth(data: Inputs['getHealth']): HealthReport[];
  /** The keywords that mark a 1on1 title, for the Calendar tab's chip filter. */
  getTitleKeywords(data: Inputs['getTitleKeywords']): string[];
  /** The redacted structure of a degraded tab's page, for a bug report; null when none was taken. */
  getPageStructure(data: Inputs['getPageStructure']): string | null;
  /** The Meet call in the sender's tab (the sidebar asks), or null when there is none. */
  getCallView(data: Inputs['getCallView']): CallView | null;
  listTemplates(data: Inputs['listTemplates']): Template[];

  createPerson(data: Inputs['createPerson']): Person;
  updatePerson(data: Inputs['updatePerson']): Person;
  createMeeting(data: Inputs['createMeeting']): Meeting;
  updateMeeting(data: Inputs['updateMeeting']): Meeting;
  /** "This call is my 1on1 with…": remembers the Meet code for next time; answers the meeting id. */
  linkMeetCall(data: Inputs['linkMeetCall']): string;
  /** Yes / No / Not a 1on1 to the sidebar's question (or "it is a 1on1 after all"). */
  answerCall(data: Inputs['answerCall']): void;
  saveAgendaItem(data: Inputs['saveAgendaItem']): Meeting;
  deleteAgendaItem(data: Inputs['deleteAgendaItem']): Meeting;
  /** What an agenda or a recap of this meeting may hold: never a private note. */
  getShareView(data: Inputs['getShareView']): ShareView;
  /** The other person's topics, pasted: added as theirs after their topics already there. */
  addTopics(data: Inputs['addTopics']): { added: number; already: number };
  /** The agenda or the recap was sent (copied, or put in a mail draft): the history says when. */
  recordShare(data: Inputs['recordShare']): void;
  setEventVerdict(data: Inputs['setEventVerdict']): CalendarEventResult;
  /** The panel or sidebar asks for its host to fit its content (relayed to its tab). */
  fitHost(data: Inputs['fitHost']): void;
  saveNote(data: Inputs['saveNote']): Note;
  /** Journals a note's text on every change until its save is confirmed (note-drafts.ts). */
  saveDraft(data: Inputs['saveDraft']): void;
  dropDraft(data: Inputs['dropDraft']): void;
  createAction(data: Inputs['createAction']): ActionItem;
  updateAction(data: Inputs['updateAction']): ActionItem;
  createGoal(data: Inputs['createGoal']): Goal;
  updateGoal(data: Inputs['updateGoal']): Goal;
  createTemplate(data: Inputs['createTemplate']): Template;
  updateTemplate(data: Inputs['updateTemplate']): Template;
  deleteRecord(data: Inputs['deleteRecord']): void;
  deletePerson(data: Inputs['deletePerson']): void;
  /** Deletes everything here, and (asked for) the sync server's copy first: its failure is an answer. */
  deleteAll(data: Inputs['deleteAll']): DeleteAllResult;

  exportPersonMarkdown(data: Inputs['exportPersonMarkdown']): ExportFile;
  exportActionsCsv(data: Inputs['exportActionsCsv']): ExportFile;
  /** One person's records as a backup file (restoring it in merge mode brings them back). */
  exportPersonJson(data: Inputs['exportPersonJson']): ExportFile;

  getSettings(data: Inputs['getSettings']): Settings;
  /** The popup's last view, written to session storage for its next open (popup-snapshot.ts). */
  savePopupSnapshot(data: Inputs['savePopupSnapshot']): void;
  saveSettings(data: Inputs['saveSettings']): Settings;

  /** Connects this device to a sync server; a failure or a needed consent is an answer, not a throw. */
  syncConnect(data: Inputs['syncConnect']): SyncSetupResult;
  syncNow(data: Inputs['syncNow']): SyncStatus;
  getSyncStatus(data: Inputs['getSyncStatus']): SyncStatus;
  /** Forgets the keys, the login and the sync state on this device; its notes stay. */
  syncForget(data: Inputs['syncForget']): SyncStatus;

  /** The calendar feed: its address masked, the last read, what it found, the last failure. */
  getFeedStatus(data: Inputs['getFeedStatus']): FeedStatus;
  /** Reads a feed address and saves it only when it reads whole; a failure is an answer. */
  feedConnect(data: Inputs['feedConnect']): FeedConnectResult;
  feedSetSelf(data: Inputs['feedSetSelf']): FeedStatus;
  feedRefresh(data: Inputs['feedRefresh']): FeedStatus;
  /** Forgets the address; the 1on1s it brought stay. */
  feedDisconnect(data: Inputs['feedDisconnect']): FeedStatus;
}

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<ProtocolMap>();
