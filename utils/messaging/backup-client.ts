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

/**
 * Restores a backup file's text, telling `onProgress` how far it is. Rejects with what is wrong:
 * a file with a problem changes nothing; a restore stopped on the way (a {@link RestoreStopped})
 * has deleted nothing, and restoring the file again finishes it.
 */
export async function restoreBackup(
  text: string,
  mode: 'merge' | 'replace',
  onProgress: (done: number, total: number) => void = () => {},
): Promise<Record<string, number>> {
  const { send, next } = open();
  let counts: Record<string, number> = {};
  let progress = { done: 0, total: 0 };
  const done = next((reply) => {
    if (reply.type === 'progress') {
      progress = reply;
      onProgress(reply.done, reply.total);
    }
    if (reply.type === 'imported') counts = reply.counts;
    return reply.type === 'imported';
  }).catch((error: unknown) => {
    throw progress.done > 0 ? new RestoreStopped(progress.done, progress.total, error) : error;
  });
  for (let at = 0; at < text.length; at += BACKUP_CHUNK_CHARS) {
    send({ type: 'import-chunk', text: text.slice(at, at + BACKUP_CHUNK_CHARS) });
  }
  send({ type: 'import-commit', mode });
  await done;
  return counts;
}

/** A restore that wrote part of the file and then stopped: what it wrote, and why it stopped. */
export class RestoreStopped extends Error {
  constructor(
    readonly done: number,
    readonly total: number,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
