import { i18n } from '#i18n';
import { renderPage } from '@/components/render-page';
import { PopupApp } from './popup-app';

renderPage(
  () => i18n.t('popup.title'),
  () => <PopupApp />,
);
