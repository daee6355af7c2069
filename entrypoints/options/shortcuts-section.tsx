import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';

/** The keyboard shortcuts as the browser has them now (the user may have changed them). */
export function ShortcutsSection() {
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands);
  }, []);
  const describe = (c: Browser.commands.Command) =>
    c.name === '_execute_action' ? i18n.t('commands.openPopup') : c.description;
  return (
    <section className="block" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{i18n.t('options.shortcutsHeading')}</h2>
      <dl className="shortcuts" data-testid="shortcuts">
        {commands.map((c) => (
          <div key={c.name}>
            <dt>{describe(c)}</dt>
            <dd>
              {c.shortcut ? (
                <kbd>{c.shortcut}</kbd>
              ) : (
                <span className="muted">{i18n.t('options.noShortcut')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted small">
        {i18n.t(import.meta.env.FIREFOX ? 'options.shortcutsHintFirefox' : 'options.shortcutsHint')}
      </p>
    </section>
  );
}
