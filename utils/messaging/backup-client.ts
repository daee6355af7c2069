import { browser } from 'wxt/browser';
import {
  BACKUP_CHUNK_CHARS,
  BACKUP_PORT,
  type BackupReply,
  type BackupRequest,
} from './backup-port';

function open(): {
  send: (request: BackupRequest) => void;
  next: (onReply: (reply: BackupReply) => boolean) => Promise<void>;
} {
  const port = browser.runtime.connect({ name: BACKUP_PORT });
  return {
    send: (request) => port.postMessage(request),
    next: (onReply) =>
      new Promise((resolve, reject) => {
        port.onMessage.addListener((reply: BackupReply) => {
          if (reply.type === 'error') {
            port.disconnect();
            reject(new Error(reply.message));
          } else if (onReply(reply)) {
            port.disconnect();
            resolve();
          }
        });
        port.onDisconnect.addListener(() =>
          reject(new Error('Taiwa stopped before the backup finished. Try again.')),
        );
      }),
  };
}

/** The whole database as a backup file's text and name, for the options page to download. */
export async function fetchBackup(): Promise<{ fileName: string; text: string }> {
  const { send, next } = open();
  const parts: string[] = [];
  let fileName = 'taiwa-backup.json';
  const done = next((reply) => {
    if (reply.type === 'chunk') parts.push(reply.text);
    if (reply.type === 'exported') fileName = reply.fileName;
    return reply.type === 'exported';
  });
  send({ type: 'export' });
  await done;
  return { fileName, text: parts.join('') };
}

/** Restores a backup file's text; rejects with what is wrong, and then nothing has changed. */
export async function restoreBackup(
  text: string,
  mode: 'merge' | 'replace',
): Promise<Record<string, number>> {
  const { send, next } = open();
  let counts: Record<string, number> = {};
  const done = next((reply) => {
    if (reply.type === 'imported') counts = reply.counts;
    return reply.type === 'imported';
  });
  for (let at = 0; at < text.length; at += BACKUP_CHUNK_CHARS) {
    send({ type: 'import-chunk', text: text.slice(at, at + BACKUP_CHUNK_CHARS) });
  }
  send({ type: 'import-commit', mode });
  await done;
  return counts;
}
