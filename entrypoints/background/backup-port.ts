import type { Browser } from 'wxt/browser';
import { BACKUP_MAX_CHARS } from '@/utils/model/backup';
import {
  BACKUP_CHUNK_CHARS,
  BACKUP_PORT,
  backupRequestSchema,
  type BackupReply,
} from '@/utils/messaging/backup-port';
import { exportBackup, importBackup } from './db/backup';
import { getDb } from './db/database';
import { PAGES } from './api/sender-rules';
import { clearPopupSnapshot } from './popup-snapshot';
import { onPagePort } from './sender-guard';

/** Backup and restore for the options page, over a port (see utils/messaging/backup-port.ts). */
export function setupBackupPort(): void {
  onPagePort(BACKUP_PORT, PAGES, (port) => serveBackupPort(port));
}

type PortLike = Pick<Browser.runtime.Port, 'postMessage' | 'onMessage'>;

/** One export or import per port. Exported for tests, which drive it with a fake port. */
export function serveBackupPort(port: PortLike, chunkChars = BACKUP_CHUNK_CHARS): void {
  const parts: string[] = [];
  let size = 0;
  const reply = (message: BackupReply) => port.postMessage(message);
  port.onMessage.addListener(async (raw: unknown) => {
    const request = backupRequestSchema.safeParse(raw);
    if (!request.success) return reply({ type: 'error', message: 'Invalid backup request.' });
    try {
      switch (request.data.type) {
        case 'export': {
          const text = JSON.stringify(await exportBackup(getDb()));
          for (let at = 0; at < text.length; at += chunkChars) {
            reply({ type: 'chunk', text: text.slice(at, at + chunkChars) });
          }
          const date = new Date().toISOString().slice(0, 10);
          return reply({ type: 'exported', fileName: `taiwa-backup-${date}.json` });
        }
        case 'import-chunk':
          size += request.data.text.length;
          if (size > BACKUP_MAX_CHARS) {
            parts.length = 0;
            return reply({ type: 'error', message: 'The backup file is too large.' });
          }
          parts.push(request.data.text);
          return;
        case 'import-commit': {
          // Let go of the chunks before parsing: a large backup must not be held twice.
          const text = parts.splice(0).join('');
          size = 0;
          // The data is replaced (or merged): the popup's last view would show what was.
          const counts = await importBackup(getDb(), text, request.data.mode, (done, total) =>
            reply({ type: 'progress', done, total }),
          ).finally(clearPopupSnapshot);
          return reply({ type: 'imported', counts });
        }
      }
    } catch (error) {
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
}
