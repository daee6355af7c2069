import { i18n } from '#i18n';
import { renderPage } from '@/components/render-page';
import { OptionsApp } from './options-app';

renderPage(
  () => i18n.t('options.title'),
  () => <OptionsApp />,
);
