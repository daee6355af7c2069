import { i18n } from '#i18n';

/** What Taiwa keeps, where, and what never leaves the machine, in plain words. */
export function PrivacySection() {
  return (
    <section className="block" id="privacy" aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading">{i18n.t('options.privacyHeading')}</h2>
      <h3>{i18n.t('privacy.storedHeading')}</h3>
      <p>{i18n.t('privacy.stored')}</p>
      <h3>{i18n.t('privacy.whereHeading')}</h3>
      <p>{i18n.t('privacy.where')}</p>
      <h3>{i18n.t('privacy.readsHeading')}</h3>
      <p>{i18n.t('privacy.reads')}</p>
      <h3>{i18n.t('privacy.neverHeading')}</h3>
      <ul>
        <li>{i18n.t('privacy.never1')}</li>
        <li>{i18n.t('privacy.never2')}</li>
        <li>{i18n.t('privacy.never3')}</li>
        <li>{i18n.t('privacy.never4')}</li>
      </ul>
      <h3>{i18n.t('privacy.syncHeading')}</h3>
      <p>{i18n.t('privacy.sync')}</p>
      <h3>{i18n.t('privacy.feedHeading')}</h3>
      <p>{i18n.t('privacy.feed')}</p>
      <h3>{i18n.t('privacy.controlHeading')}</h3>
      <p>{i18n.t('privacy.control')}</p>
    </section>
  );
}
