import { i18n } from '#i18n';
import { Brand } from '@/components/brand';
import { StatusLine } from '@/components/status-line';

/** Settings, privacy in plain words, and the place where sync will be set up. */
export function OptionsApp() {
  return (
    <main className="page">
      <Brand title={i18n.t('options.title')} />
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{i18n.t('options.privacyHeading')}</h2>
        <p>{i18n.t('options.privacyBody')}</p>
      </section>
      <section id="sync" aria-labelledby="sync-heading">
        <h2 id="sync-heading">{i18n.t('options.syncHeading')}</h2>
        <p>{i18n.t('options.syncBody')}</p>
      </section>
      <StatusLine />
    </main>
  );
}
