import { i18n } from '#i18n';
import { Brand } from '@/components/brand';
import { StatusLine } from '@/components/status-line';

/** Shown in an extension-origin iframe beside Google Calendar's event card. */
export function PrepPanelApp() {
  return (
    <main className="page">
      <Brand title={i18n.t('prepPanel.title')} />
      <p>{i18n.t('prepPanel.ready')}</p>
      <StatusLine />
    </main>
  );
}
