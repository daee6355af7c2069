import { getDb } from '../db/database';
import { addTopics as addTopicsDb, recordShare as recordShareDb, shareView } from '../db/share';
import { writeTransaction } from '../db/write';
import type { Handler } from './serve';

/*
 * Sending the agenda and the recap, and taking the other person's topics in: from the prep
 * panel, the sidebar and the notebook. The message itself is built and copied in the page (the
 * clipboard and mail drafts belong to the page the user clicked in, never to a Google page).
 */

export const getShareView: Handler<'getShareView'> = ({ meetingId }) =>
  shareView(getDb(), meetingId);

export const addTopics: Handler<'addTopics'> = ({ meetingId, topics }) =>
  writeTransaction((ctx) => addTopicsDb(ctx, meetingId, topics));

export const recordShare: Handler<'recordShare'> = ({ meetingId, kind }) =>
  writeTransaction((ctx) => recordShareDb(ctx, meetingId, kind));
