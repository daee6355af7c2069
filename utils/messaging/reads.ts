import { TABLE_NAMES } from '@/utils/model/enums';
import type { ChangeTopic } from './changes';
import type { ProtocolMap } from './protocol';

/**
 * Each read a view keeps live, with the change topics its answer depends on. Declared once,
 * beside the protocol, so a view never picks (and never forgets) the topics it listens to:
 * `useLive(read, data)` subscribes from here. A read that depends on something new adds its
 * topic here, and the background announces that topic when it changes (changes.ts).
 */
export const READ_TOPICS = {
  getPopupView: ['people', 'meetings', 'actions'],
  getPractice: ['people', 'meetings', 'settings'],
  getPersonHead: ['people', 'actions', 'goals'],
  getPersonTimeline: ['people', 'meetings', 'notes', 'actions', 'goals'],
  getMeetingView: ['people', 'meetings', 'notes', 'actions'],
  // `events`: the card the panel stands beside was reported (or judged again).
  getPrepView: [
    'people',
    'meetings',
    'notes',
    'actions',
    'goals',
    'templates',
    'seriesOverrides',
    'events',
    'settings',
  ],
  getCallView: ['people', 'meetings', 'calls', 'settings'],
  getShareView: ['people', 'meetings', 'notes', 'actions', 'goals'],
  listPeople: ['people', 'meetings', 'actions'],
  listTemplates: ['templates'],
  listDoneActions: ['actions'],
  getSettings: ['settings'],
  getHealth: ['health'],
  getFeedStatus: ['feed'],
  // Pending changes follow every local write; the rest follows the runs.
  getSyncStatus: ['sync', ...TABLE_NAMES],
} as const satisfies Partial<Record<keyof ProtocolMap, readonly ChangeTopic[]>>;

export type LiveRead = keyof typeof READ_TOPICS;
