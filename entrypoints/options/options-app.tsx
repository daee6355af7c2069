import { i18n } from '#i18n';
import { Brand } from '@/components/brand';
import { ErrorLine } from '@/components/error-line';
import { StatusLine } from '@/components/status-line';
import { BackupSection } from './backup-section';
import { DeleteAll } from './delete-all';
import { DetectionSettings } from './detection-settings';
import { FeedSection } from './feed-section';
import { LanguageSetting } from './language-setting';
import { MeetingSettings } from './meeting-settings';
import { PrivacySection } from './privacy-section';
import { RemindersSection } from './reminders-section';
import { ShortcutsSection } from './shortcuts-section';
import { SyncSection } from './sync-section';
import { TemplatesEditor } from './templates-editor';
import { useSettings } from '@/hooks/use-settings';
import '@/components/pages.css';

/** Settings, the user's own templates, their data (backup, restore, delete), privacy, and sync. */
export function OptionsApp() {
  const { settings, save } = useSettings();
  return (
    <main className="page options">
      <Brand title={i18n.t('options.title')} />
      <nav aria-label={i18n.t('options.navLabel')} className="toc">
        <a href="#privacy">{i18n.t('options.privacyHeading')}</a>
        <a href="#feed">{i18n.t('feed.heading')}</a>
        <a href="#reminders">{i18n.t('reminders.heading')}</a>
        <a href="#sync">{i18n.t('options.syncHeading')}</a>
      </nav>
      <LanguageSetting />
      {settings ? (
        <>
          <DetectionSettings settings={settings} save={save} />
          <MeetingSettings settings={settings} save={save} />
        </>
      ) : (
        <p role="status">{i18n.t('common.loading')}</p>
      )}
      <FeedSection />
      {settings && <RemindersSection settings={settings} save={save} />}
      <TemplatesEditor />
      <ShortcutsSection />
      <BackupSection />
      <SyncSection />
      <DeleteAll />
      <PrivacySection />
      <ErrorLine />
      <StatusLine />
    </main>
  );
}
