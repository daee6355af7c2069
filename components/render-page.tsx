import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLanguageChoice, uiLanguage } from '@/utils/pages/ui-language';
import './base.css';

/**
 * Mounts a Taiwa page once the UI language is settled (the options may choose one other than
 * the browser's). Sets the document language, so screen readers pronounce the strings correctly
 * and Japanese text gets Japanese glyphs. `title` and `app` are built after the language is.
 */
export function renderPage(title: () => string, app: () => ReactNode): void {
  const mount = () => {
    document.documentElement.lang = uiLanguage();
    document.title = title();
    const root = document.getElementById('root');
    if (!root) throw new Error('Taiwa page is missing its #root element.');
    createRoot(root).render(<StrictMode>{app()}</StrictMode>);
  };
  // Taiwa's own pages ask the browser never to evict its storage under disk pressure (with the
  // `unlimitedStorage` permission it is granted without a prompt); the frames in Google's tabs don't.
  if (window.top === window) void navigator.storage?.persist?.().catch(() => undefined);
  // A language that cannot be applied (storage or the file unreadable) leaves the browser's.
  void applyLanguageChoice()
    .catch(() => undefined)
    .then(mount);
}
