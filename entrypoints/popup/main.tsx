import { i18n } from '#i18n';
import { renderPage } from '@/components/render-page';
import { startEarly } from '@/components/early-load';
import { loadPopupView, PopupApp } from './popup-app';

// The data is asked for while the page starts; the popup takes the answer when it renders.
startEarly('popup', loadPopupView);
renderPage(
  () => i18n.t('popup.title'),
  () => <PopupApp />,
);
