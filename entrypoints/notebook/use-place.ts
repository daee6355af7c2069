import { useEffect, useState } from 'react';
import type { NotebookPlace } from '@/components/notebook-link';

const ID = '([\\w-]{1,64})';

/** The place the notebook's fragment names (see components/notebook-link.ts); anything else is the people list. */
export function placeFrom(hash: string): NotebookPlace {
  const person = new RegExp(`^#person=${ID}$`).exec(hash)?.[1];
  if (person) return { person };
  const meeting = new RegExp(`^#meeting=${ID}$`).exec(hash)?.[1];
  if (meeting) return { meeting };
  if (hash === '#practice') return { practice: true };
  return {};
}

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
