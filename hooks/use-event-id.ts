import { useEffect, useState } from 'react';
import { UNREAD_PREFIX } from '@/utils/messaging/views';

const fragment = (): string => {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
};

/** The calendar event named in this page's URL fragment, if any. */
export const eventIdFromHash = (): string | null => {
  const hash = fragment();
  return hash && !hash.startsWith(UNREAD_PREFIX) ? hash : null;
};

/** What could not be read of the open card (`#unread:guests,time`), or null. */
export const unreadFromHash = (): string[] | null => {
  const hash = fragment();
  return hash.startsWith(UNREAD_PREFIX)
    ? hash.slice(UNREAD_PREFIX.length).split(',').filter(Boolean)
    : null;
};

/** A value read from the URL fragment, kept current: the content script points the panel by it. */
function useFromHash<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const onChange = () => setValue(read);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [read]);
  return value;
}

/** The calendar event this panel shows. */
export const useEventId = (): string | null => useFromHash(eventIdFromHash);

/** The open card's problems when Taiwa could read it only in part (then no event is shown). */
export const useUnread = (): string[] | null => useFromHash(unreadFromHash);
