import {
  LIMITS,
  type ActionItem,
  type Content,
  type Goal,
  type Note,
  type Template,
} from '@/utils/model/entities';
import { getLive, NotFoundError, saveRecord, tombstone, type WriteContext } from './write';

/**
 * Saves the shared or private note of a meeting (one of each per meeting). Called as the user
 * types, so an unchanged text writes nothing.
 */
export async function saveNote(
  ctx: WriteContext,
  meetingId: string,
  kind: Note['kind'],
  text: string,
): Promise<Note> {
  const meeting = await getLive(ctx.db, 'meetings', meetingId);
  const existing = (
    await ctx.db.notes.where('[meetingId+kind]').equals([meetingId, kind]).toArray()
  ).find((n) => !n.deleted);
  if (existing) return saveRecord(ctx, 'notes', existing.id, { text });
  return saveRecord(
    ctx,
    'notes',
    null,
    { meetingId, personId: meeting.personId, kind, text },
    { create: true },
  );
}

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

export async function saveTemplate(
  ctx: WriteContext,
  id: string | null,
  fields: Partial<Content<Template>>,
): Promise<Template> {
  return saveRecord(ctx, 'templates', id, fields, { create: !id });
}

/** The user's verdict for a calendar series; 'auto' removes it. */
export async function setSeriesOverride(
  ctx: WriteContext,
  seriesId: string,
  verdict: 'always' | 'never' | 'auto',
): Promise<void> {
  if (verdict === 'auto') return tombstone(ctx, 'seriesOverrides', seriesId);
  await saveRecord(ctx, 'seriesOverrides', seriesId, { verdict }, { create: true, revive: true });
}
