import { useEffect, useState } from 'react';

/** The calendar event named in this page's URL fragment, if any. */
export const eventIdFromHash = (): string | null => {
  try {
    return decodeURIComponent(location.hash.slice(1)) || null;
  } catch {
    return null;
  }
};

/** The calendar event this panel shows: the content script names it in the URL fragment. */
export function useEventId(): string | null {
  const [eventId, setEventId] = useState(eventIdFromHash);
  useEffect(() => {
    const onChange = () => setEventId(eventIdFromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return eventId;
}
