import { sendMessage, type ProtocolMap } from '@/utils/messaging/protocol';

const listeners = new Set<(message: string) => void>();

/**
 * Calls `fn` with the message of each write of this page that failed (error-line.tsx shows it).
 * A typed channel inside the page's own code, not a window event that any script in the page
 * could send or hear.
 */
export function onWriteError(fn: (message: string) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function report(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  for (const fn of listeners) fn(message);
}

/**
 * Sends a write and reports a failure where the user can see it (an alert region), since a
 * write from a button has no other place to fail visibly. Returns undefined when it failed.
 */
export async function write<K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
): Promise<ReturnType<ProtocolMap[K]> | undefined> {
  try {
    return (await sendMessage(type, data as never)) as ReturnType<ProtocolMap[K]>;
  } catch (error) {
    report(error);
    return undefined;
  }
}

/** Like `write`, for writes that answer nothing: whether it went through. */
export async function act<K extends keyof ProtocolMap>(
  type: K,
  data: Parameters<ProtocolMap[K]>[0],
): Promise<boolean> {
  try {
    await sendMessage(type, data as never);
    return true;
  } catch (error) {
    report(error);
    return false;
  }
}
