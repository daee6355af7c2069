import { LIMITS, type Content, type Goal } from '@/utils/model/entities';
import { getLive, saveRecord, type WriteContext } from './write';

/** Creates or edits a goal; a re-check is kept in its history. */
export async function saveGoal(
  ctx: WriteContext,
  id: string | null,
  fields: Partial<Content<Goal>>,
): Promise<Goal> {
  if (id) {
    // A re-check (a new `reviewedAt`) is also kept in the goal's history, where it stood then.
    if (fields.reviewedAt === undefined || fields.reviewedAt === null) {
      return saveRecord(ctx, 'goals', id, fields);
    }
    const goal = await getLive(ctx.db, 'goals', id);
    const review = {
      at: fields.reviewedAt,
      progress: fields.progress ?? goal.progress,
      status: fields.status ?? goal.status,
    };
    const reviews = [...goal.reviews, review].slice(-LIMITS.list);
    return saveRecord(ctx, 'goals', id, { ...fields, reviews });
  }
  await getLive(ctx.db, 'people', fields.personId ?? '');
  return saveRecord(ctx, 'goals', null, fields, { create: true });
}
