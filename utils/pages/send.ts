import { sendMessage, type ProtocolMap } from '@/utils/messaging/protocol';

/** Shows a failed write in the page's alert region (error-line.tsx). */
function report(error: unknown): void {
  window.dispatchEvent(
    new CustomEvent('taiwa:error', {
      detail: error instanceof Error ? error.message : String(error),
    }),
  );
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
