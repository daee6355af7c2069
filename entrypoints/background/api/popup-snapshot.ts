import { writePopupSnapshot } from '../popup-snapshot';
import type { Handler } from './serve';

/** The popup rendered fresh data: its view is kept for the next open (popup-snapshot.ts). */
export const savePopupSnapshot: Handler<'savePopupSnapshot'> = (snapshot) =>
  writePopupSnapshot(snapshot);
