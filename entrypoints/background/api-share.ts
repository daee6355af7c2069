import { getDb } from './db/database';
import { addTopics, recordShare, shareView } from './db/share';
import { writeTransaction } from './db/write';
import { FROM_VIEWS, handle } from './handle';

/**
 * Sending the agenda and the recap, and taking the other person's topics in: from the prep
 * panel, the sidebar and the notebook. The message itself is built and copied in the page (the
 * clipboard and mail drafts belong to the page the user clicked in, never to a Google page).
 */
export function setupShareApi(): void {
  handle('getShareView', FROM_VIEWS, ({ meetingId }) => shareView(getDb(), meetingId));
  handle('addTopics', FROM_VIEWS, ({ meetingId, topics }) =>
    writeTransaction((ctx) => addTopics(ctx, meetingId, topics)),
  );
  handle('recordShare', FROM_VIEWS, ({ meetingId, kind }) =>
    writeTransaction((ctx) => recordShare(ctx, meetingId, kind)),
  );
}
