import { z } from 'zod';

/** Backups can exceed the browser's 64 MiB message limit, so they travel over a port in chunks. */
export const BACKUP_PORT = 'taiwa:backup';
export const BACKUP_CHUNK_CHARS = 4_000_000;

export const backupRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('export') }),
  z.strictObject({ type: z.literal('import-chunk'), text: z.string().max(BACKUP_CHUNK_CHARS) }),
  z.strictObject({ type: z.literal('import-commit'), mode: z.enum(['merge', 'replace']) }),
]);
export type BackupRequest = z.infer<typeof backupRequestSchema>;

export type BackupReply =
  | { type: 'chunk'; text: string }
  | { type: 'exported'; fileName: string }
  | { type: 'imported'; counts: Record<string, number> }
  /** How far an import is: records written (deletions included) of all it will write. */
  | { type: 'progress'; done: number; total: number }
  | { type: 'error'; message: string };
