import { browser } from 'wxt/browser';

/** Where in the notebook (the full-page history) a link goes. */
export type NotebookPlace =
  { person: string } | { meeting: string } | { practice: true } | Record<string, never>;

/** The notebook's fragment for a place: `#person=<id>`, `#meeting=<id>`, `#practice` or none. */
export function notebookHash(place: NotebookPlace): string {
  if ('person' in place) return `#person=${encodeURIComponent(place.person)}`;
  if ('meeting' in place) return `#meeting=${encodeURIComponent(place.meeting)}`;
  if ('practice' in place) return '#practice';
  return '';
}

const ID = '([\\w-]{1,64})';

/** The place the notebook's fragment names (see notebookHash); anything else is the people list. */
export function placeFrom(hash: string): NotebookPlace {
  const person = new RegExp(`^#person=${ID}$`).exec(hash)?.[1];
  if (person) return { person };
  const meeting = new RegExp(`^#meeting=${ID}$`).exec(hash)?.[1];
  if (meeting) return { meeting };
  if (hash === '#practice') return { practice: true };
  return {};
}

/**
 * Opens the notebook at a place in a new tab. From the popup, which the browser closes as soon
 * as it loses focus, the popup closes itself once the tab is asked for.
 */
export async function openNotebook(place: NotebookPlace, closeWindow = false): Promise<void> {
  await browser.tabs.create({
    url: browser.runtime.getURL(`/notebook.html${notebookHash(place)}`),
  });
  if (closeWindow) window.close();
}
