import { useEffect, useState } from 'react';
import { placeFrom, type NotebookPlace } from '@/utils/pages/notebook-link';

/** The notebook's current place, following the fragment (links, back and forward). */
export function usePlace(): NotebookPlace {
  const [place, setPlace] = useState(() => placeFrom(location.hash));
  useEffect(() => {
    const onChange = () => {
      setPlace(placeFrom(location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return place;
}
