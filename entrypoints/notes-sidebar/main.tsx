import { i18n } from '#i18n';
import { renderPage } from '@/components/render-page';
import { NotesSidebarApp } from './notes-sidebar-app';

renderPage(
  () => i18n.t('notesSidebar.title'),
  () => <NotesSidebarApp />,
);
