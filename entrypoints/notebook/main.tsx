import { i18n } from '#i18n';
import { renderPage } from '@/components/render-page';
import { startEarly } from '@/components/early-load';
import { NotebookApp } from './notebook-app';
import { loadPerson, personKey } from './person-page';
import { placeFrom } from './use-place';

// Opened on a person (from the popup): their history is asked for while the page starts.
const place = placeFrom(location.hash);
if ('person' in place) startEarly(personKey(place.person), loadPerson(place.person));
renderPage(
  () => i18n.t('history.title'),
  () => <NotebookApp />,
);
