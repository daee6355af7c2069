import type { Content, RecordOf, TableName } from '@/utils/model/entities';

/**
 * Content of a fresh record of each table. Also what a tombstone is reset to: a deletion clears
 * the content and keeps only the id and the references sync needs to route it.
 */
export const EMPTY: { [T in TableName]: Content<RecordOf<T>> } = {
  people: {
    email: '',
    name: '',
    nameEditedByUser: false,
    relationship: 'report',
    cadence: 'biweekly',
    profile: { career: '', values: '', strengths: '' },
    archived: false,
    override: 'auto',
    language: null,
    shareVia: null,
  },
  meetings: {
    personId: '',
    title: '',
    eventId: null,
    seriesId: null,
    meetCode: null,
    plannedStart: null,
    plannedEnd: null,
    status: 'planned',
    heldAt: null,
    agenda: [],
    condition: null,
    rating: null,
    talkSelfMs: null,
    talkOthersMs: null,
    agendaSentAt: null,
    recapSentAt: null,
  },
  notes: { meetingId: '', personId: '', kind: 'shared', text: '' },
  actions: {
    personId: '',
    meetingId: null,
    owner: 'me',
    text: '',
    due: null,
    done: false,
    doneAt: null,
  },
  goals: {
    personId: '',
    text: '',
    status: 'active',
    progress: 0,
    targetDate: null,
    reviewedAt: null,
    reviews: [],
  },
  templates: { kind: 'prompt', theme: '', title: '', body: '' },
  seriesOverrides: { verdict: 'never' },
};

/** Reference fields a tombstone keeps. */
export const KEPT_ON_DELETE: { [T in TableName]: (keyof RecordOf<T>)[] } = {
  people: [],
  meetings: ['personId'],
  notes: ['meetingId', 'personId', 'kind'],
  actions: ['personId', 'meetingId'],
  goals: ['personId'],
  templates: ['kind'],
  seriesOverrides: [],
};
