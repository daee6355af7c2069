import { i18n } from '#i18n';
import { Brand } from '@/components/brand';
import { StatusLine } from '@/components/status-line';

/** The full-page history: people, their meetings, and in-person notes. */
export function NotebookApp() {
  return (
    <main className="page">
      <Brand title={i18n.t('history.title')} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">{i18n.t('history.peopleHeading')}</h2>
        <p className="muted" data-testid="people-list">
          {i18n.t('history.empty')}
        </p>
      </section>
      <StatusLine />
    </main>
  );
}
