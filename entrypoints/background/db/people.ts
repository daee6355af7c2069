import type { Content, Person } from '@/utils/model/entities';
import type { TaiwaDb } from './database';
import { saveRecord, type WriteContext } from './write';

/** The live person with this address, whatever its case. */
export async function findPersonByEmail(db: TaiwaDb, email: string): Promise<Person | undefined> {
  const key = email.trim().toLowerCase();
  if (!key) return undefined;
  return (await db.people.where('email').equals(key).toArray()).find((p) => !p.deleted);
}

async function assertEmailFree(
  ctx: WriteContext,
  email: string | undefined,
  selfId: string | null,
) {
  if (!email) return;
  const owner = await findPersonByEmail(ctx.db, email);
  if (owner && owner.id !== selfId) {
    throw new Error(`${email.trim().toLowerCase()} already belongs to ${owner.name || owner.id}.`);
  }
}

/** Adds a person by hand (someone met in person, or not yet on the calendar). */
export async function createPerson(
  ctx: WriteContext,
  fields: Partial<Content<Person>>,
): Promise<Person> {
  await assertEmailFree(ctx, fields.email, null);
  return saveRecord(ctx, 'people', null, { ...fields, nameEditedByUser: true }, { create: true });
}

/** Edits a person. A name the user types is theirs: Google's display name stops overwriting it. */
export async function updatePerson(
  ctx: WriteContext,
  id: string,
  patch: Partial<Content<Person>>,
): Promise<Person> {
  await assertEmailFree(ctx, patch.email, id);
  const named = patch.name !== undefined ? { nameEditedByUser: true } : {};
  return saveRecord(ctx, 'people', id, { ...patch, ...named });
}

/**
 * The person behind a calendar guest: found by email (case-insensitive) or created. Google's
 * display name is kept up to date (people get renamed) unless the user renamed them in Taiwa.
 */
export async function upsertPersonFromGoogle(
  ctx: WriteContext,
  guest: { email: string; name?: string | undefined },
  cadence: Person['cadence'],
): Promise<Person> {
  const email = guest.email.trim().toLowerCase();
  const name = guest.name?.trim() || email.split('@')[0] || email;
  const existing = await findPersonByEmail(ctx.db, email);
  if (!existing) return saveRecord(ctx, 'people', null, { email, name, cadence }, { create: true });
  if (existing.nameEditedByUser || !guest.name?.trim()) return existing;
  return saveRecord(ctx, 'people', existing.id, { name });
}
