import { i18n } from '#i18n';
import { renderPage } from '@/components/render-page';
import { NotebookApp } from './notebook-app';

renderPage(
  () => i18n.t('history.title'),
  () => <NotebookApp />,
);
