import { i18n } from '#i18n';
import { renderPage } from '@/components/render-page';
import { PrepPanelApp } from './prep-panel-app';

renderPage(
  () => i18n.t('prepPanel.title'),
  () => <PrepPanelApp />,
);
