import { i18n } from '#i18n';
import { useState } from 'react';
import type { Person } from '@/utils/model/entities';
import { downloadText } from '@/utils/pages/download';
import { uiLanguage } from '@/utils/pages/ui-language';
import { write } from '@/utils/pages/send';

/**
 * The person's history as files: Markdown to read at evaluation time (private memos only when
 * asked), JSON that Taiwa can restore, and the action items as CSV.
 */
export function PersonExport({ person }: { person: Person }) {
  const [includePrivate, setIncludePrivate] = useState(false);
  const save = (file: { fileName: string; text: string } | undefined, type: string) =>
    file && downloadText(file.fileName, file.text, type);
  return (
    <section className="block" aria-labelledby="export-heading">
      <h2 id="export-heading">{i18n.t('export.heading')}</h2>
      <p className="muted small">{i18n.t('export.hint')}</p>
      <label className="inline">
        <input
          type="checkbox"
          checked={includePrivate}
          onChange={(e) => setIncludePrivate(e.target.checked)}
        />
        {i18n.t('export.includePrivate')}
      </label>
      <div className="form-actions">
        <button
          type="button"
          data-testid="export-markdown"
          onClick={() =>
            void write('exportPersonMarkdown', {
              personId: person.id,
              includePrivate,
              lang: uiLanguage(),
            }).then((f) => save(f, 'text/markdown'))
          }
        >
          {i18n.t('export.markdown')}
        </button>
        <button
          type="button"
          data-testid="export-person-json"
          onClick={() =>
            void write('exportPersonJson', { personId: person.id }).then((f) =>
              save(f, 'application/json'),
            )
          }
        >
          {i18n.t('export.json')}
        </button>
        <button
          type="button"
          onClick={() =>
            void write('exportActionsCsv', { personId: person.id }).then((f) => save(f, 'text/csv'))
          }
        >
          {i18n.t('export.csv')}
        </button>
      </div>
    </section>
  );
}
