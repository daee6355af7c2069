import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { Brand } from '@/components/brand';
import { HealthLine } from '@/components/health-line';
import { StatusLine } from '@/components/status-line';
import './popup.css';

async function openHistory() {
  await browser.tabs.create({ url: browser.runtime.getURL('/notebook.html') });
  window.close();
}

async function openOptions() {
  await browser.runtime.openOptionsPage();
  window.close();
}

/** The toolbar popup: opened dozens of times a day, so it stays light. */
export function PopupApp() {
  return (
    <main className="page popup">
      <Brand title={i18n.t('popup.title')} />
      <HealthLine />
      <p>{i18n.t('popup.intro')}</p>
      <p className="muted">{i18n.t('popup.privacy')}</p>
      <nav>
        <ul className="popup-links">
          <li>
            <button type="button" className="link-button" onClick={openHistory}>
              {i18n.t('common.openHistory')}
            </button>
          </li>
          <li>
            <button type="button" className="link-button" onClick={openOptions}>
              {i18n.t('common.openOptions')}
            </button>
          </li>
        </ul>
      </nav>
      <StatusLine />
    </main>
  );
}
