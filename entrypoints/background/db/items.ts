import type { ActionItem, Content, Goal, Note, Template } from '@/utils/model/entities';
import { NotFoundError, saveRecord, tombstone, type WriteContext } from './write';

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
  const meeting = await ctx.db.meetings.get(meetingId);
  if (!meeting || meeting.deleted) throw new NotFoundError('meetings', meetingId);
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

async function assertPerson(ctx: WriteContext, personId: string) {
  const person = await ctx.db.people.get(personId);
  if (!person || person.deleted) throw new NotFoundError('people', personId);
}

/** Creates or edits an action item; checking it off stamps when, unchecking clears it. */
export async function saveAction(
  ctx: WriteContext,
  id: string | null,
  fields: Partial<Content<ActionItem>>,
): Promise<ActionItem> {
  const doneAt =
    fields.done === undefined ? {} : { doneAt: fields.done ? (fields.doneAt ?? ctx.now) : null };
  if (id) return saveRecord(ctx, 'actions', id, { ...fields, ...doneAt });
  await assertPerson(ctx, fields.personId ?? '');
  if (fields.meetingId) {
    const meeting = await ctx.db.meetings.get(fields.meetingId);
    if (!meeting || meeting.deleted || meeting.personId !== fields.personId) {
      throw new NotFoundError('meetings', fields.meetingId);
    }
  }
  return saveRecord(ctx, 'actions', null, { ...fields, ...doneAt }, { create: true });
}

export async function saveGoal(
  ctx: WriteContext,
  id: string | null,
  fields: Partial<Content<Goal>>,
): Promise<Goal> {
  if (id) return saveRecord(ctx, 'goals', id, fields);
  await assertPerson(ctx, fields.personId ?? '');
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
