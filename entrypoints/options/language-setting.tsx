import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { useStored } from '@/hooks/use-stored';
import { LANGUAGE_CHOICES, languageItem, type LanguageChoice } from '@/utils/settings-language';

const choiceLabel = (c: LanguageChoice) =>
  ({ auto: i18n.t('options.languageAuto'), ja: '日本語', en: 'English' })[c];

/** The UI language: the browser's, or Japanese or English whatever the browser speaks. */
export function LanguageSetting() {
  const [choice] = useStored(languageItem);
  const change = async (next: LanguageChoice) => {
    await languageItem.setValue(next);
    // Strings are picked as a page starts: this page starts again in the new language.
    location.reload();
  };
  return (
    <fieldset className="block" data-testid="language-setting">
      <legend>{i18n.t('options.languageHeading')}</legend>
      {LANGUAGE_CHOICES.map((c) => (
        <label key={c} className="inline" lang={c === 'auto' ? undefined : c}>
          <input
            type="radio"
            name="language"
            value={c}
            checked={choice === c}
            onChange={() => void change(c)}
          />
          {choiceLabel(c)}
        </label>
      ))}
      <p className="muted small">
        {i18n.t('options.languageHint', [browser.i18n.getUILanguage()])}
      </p>
    </fieldset>
  );
}
