import type { ActionItem, Content } from '@/utils/model/entities';
import { getLive, NotFoundError, saveRecord, type WriteContext } from './write';

/**
 * Creates or edits an action item. Checking it off stamps when; unchecking clears that; saying
 * "done" again (another view, a retry) keeps the first time.
 */
export async function saveAction(
  ctx: WriteContext,
  id: string | null,
  fields: Partial<Content<ActionItem>>,
): Promise<ActionItem> {
  const wasDone = id ? (await getLive(ctx.db, 'actions', id)).done : false;
  const doneAt =
    fields.done === undefined || fields.done === wasDone
      ? {}
      : { doneAt: fields.done ? (fields.doneAt ?? ctx.now) : null };
  if (id) return saveRecord(ctx, 'actions', id, { ...fields, ...doneAt });
  await getLive(ctx.db, 'people', fields.personId ?? '');
  if (fields.meetingId) {
    const meeting = await getLive(ctx.db, 'meetings', fields.meetingId);
    if (meeting.personId !== fields.personId) throw new NotFoundError('meetings', meeting.id);
  }
  return saveRecord(ctx, 'actions', null, { ...fields, ...doneAt }, { create: true });
}
