import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { Settings } from '@/utils/settings';

const MAX_KEYWORDS = 50;

/**
 * Which calendar titles mark a 1on1 (one keyword per line), and whether 面談 counts: off by
 * default, since an evaluation interview is not a 1on1.
 */
export function DetectionSettings(props: {
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<boolean>;
}) {
  const id = useId();
  const [text, setText] = useState(props.settings.keywords.join('\n'));
  const [saved, setSaved] = useState(false);
  const keywords = [
    ...new Set(
      text
        .split('\n')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
  const tooMany = keywords.length > MAX_KEYWORDS;
  return (
    <section className="block" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{i18n.t('options.detectionHeading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!tooMany)
            void props.save({ keywords: keywords.map((k) => k.slice(0, 100)) }).then(setSaved);
        }}
      >
        <label htmlFor={`${id}-keywords`}>{i18n.t('options.keywordsLabel')}</label>
        <textarea
          id={`${id}-keywords`}
          rows={6}
          value={text}
          data-testid="keywords"
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
        />
        <p id={`${id}-hint`} className="muted small">
          {i18n.t('options.keywordsHint')}
        </p>
        {tooMany && (
          <p role="alert" className="error">
            {i18n.t('options.keywordsTooMany', [String(MAX_KEYWORDS)])}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={tooMany}>
            {i18n.t('common.save')}
          </button>
          <span role="status" className="muted small">
            {saved ? i18n.t('options.saved') : ''}
          </span>
        </div>
      </form>
      <label className="inline">
        <input
          type="checkbox"
          data-testid="include-mendan"
          checked={props.settings.includeMendan}
          onChange={(e) => void props.save({ includeMendan: e.target.checked })}
        />
        {i18n.t('options.includeMendan')}
      </label>
      <p className="muted small">{i18n.t('options.includeMendanHint')}</p>
    </section>
  );
}
