import { i18n } from '#i18n';
import { Brand } from '@/components/brand';
import { StatusLine } from '@/components/status-line';

/** Shown in an extension-origin iframe docked beside a Google Meet call. */
export function NotesSidebarApp() {
  return (
    <main className="page">
      <Brand title={i18n.t('notesSidebar.title')} />
      <p>{i18n.t('notesSidebar.ready')}</p>
      <StatusLine />
    </main>
  );
}
