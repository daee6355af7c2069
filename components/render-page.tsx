import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { uiLanguage } from './ui-language';
import './base.css';

/**
 * Mounts a Taiwa page. Sets the document language from the browser's UI language, which is the
 * language chrome.i18n picked the strings in, so screen readers pronounce them correctly and
 * Japanese text gets Japanese glyphs.
 */
export function renderPage(title: string, app: ReactNode): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
  const root = document.getElementById('root');
  if (!root) throw new Error('Taiwa page is missing its #root element.');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
