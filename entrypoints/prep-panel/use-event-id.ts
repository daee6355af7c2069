import { useEffect, useState } from 'react';

const fromHash = () => {
  try {
    return decodeURIComponent(location.hash.slice(1)) || null;
  } catch {
    return null;
  }
};

/** The calendar event this panel shows: the content script names it in the URL fragment. */
export function useEventId(): string | null {
  const [eventId, setEventId] = useState(fromHash);
  useEffect(() => {
    const onChange = () => setEventId(fromHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return eventId;
}
