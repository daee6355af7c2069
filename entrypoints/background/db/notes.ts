import type { Note } from '@/utils/model/entities';
import { getLive, saveRecord, type WriteContext } from './write';

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
