import { afterEach, beforeEach } from 'vitest';
import { getDb, setDbForTests, TaiwaDb } from '@/entrypoints/background/db/database';
import { createMeeting } from '@/entrypoints/background/db/meetings';
import { createPerson } from '@/entrypoints/background/db/people';
import { saveAction } from '@/entrypoints/background/db/actions';
import { saveNote } from '@/entrypoints/background/db/notes';
import { writeTransaction } from '@/entrypoints/background/db/write';
import type { Content, Meeting, Person } from '@/utils/model/entities';

/** A fresh, empty database for every test in the file. */
export function useFreshDb(): void {
  beforeEach(() => setDbForTests(new TaiwaDb(`taiwa-test-${crypto.randomUUID()}`)));
  afterEach(async () => {
    const db = getDb();
    db.close();
    await db.delete();
    setDbForTests(undefined);
  });
}

export const DAY = 86_400_000;

export function addPerson(fields: Partial<Content<Person>> = {}): Promise<Person> {
  return writeTransaction((ctx) =>
    createPerson(ctx, { email: 'aiko.tanaka@example.com', name: 'Aiko Tanaka', ...fields }),
  );
}

export function addMeeting(
  personId: string,
  fields: Partial<Content<Meeting>> = {},
): Promise<Meeting> {
  return writeTransaction((ctx) => createMeeting(ctx, { personId, title: '1on1', ...fields }));
}

export function addNote(meetingId: string, text: string, kind: 'shared' | 'private' = 'shared') {
  return writeTransaction((ctx) => saveNote(ctx, meetingId, kind, text));
}

export function addAction(personId: string, meetingId: string | null, text: string, done = false) {
  return writeTransaction((ctx) => saveAction(ctx, null, { personId, meetingId, text, done }));
}

/** Everything in the database, for "nothing changed" assertions. */
export async function snapshot(): Promise<unknown> {
  const db = getDb();
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]));
  return Object.fromEntries(tables);
}
