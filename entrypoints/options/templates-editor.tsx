import { i18n } from '#i18n';
import { useId, useState } from 'react';
import type { Template } from '@/utils/model/entities';
import { THEMES, themeLabel, type Theme } from '@/components/meeting/prompt-library';
import { act, write } from '@/utils/pages/send';
import { useLive } from '@/hooks/use-live';

/**
 * The user's own note templates and question prompts (the built-in ones ship with Taiwa). They
 * are user data: kept in the database, in backups, and synced when sync is on.
 */
export function TemplatesEditor() {
  const live = useLive('listTemplates', undefined);
  const all = live.state === 'ready' ? live.value : [];
  return (
    <section className="block" aria-labelledby="templates-heading">
      <h2 id="templates-heading">{i18n.t('options.templatesHeading')}</h2>
      <p className="muted small">{i18n.t('options.templatesHint')}</p>
      {(['template', 'prompt'] as const).map((kind) => (
        <div key={kind} data-testid={`own-${kind}s`}>
          <h3>
            {kind === 'template' ? i18n.t('options.ownTemplates') : i18n.t('options.ownPrompts')}
          </h3>
          {all.filter((t) => t.kind === kind).length === 0 && (
            <p className="muted">{i18n.t('options.noneYet')}</p>
          )}
          <ul className="template-list">
            {all
              .filter((t) => t.kind === kind)
              .map((t) => (
                <li key={t.id}>
                  <TemplateForm kind={kind} template={t} />
                </li>
              ))}
          </ul>
          <TemplateForm kind={kind} />
        </div>
      ))}
    </section>
  );
}

/** Editing one template or prompt; without `template`, adding a new one. */
function TemplateForm({ kind, template }: { kind: Template['kind']; template?: Template }) {
  const id = useId();
  const [title, setTitle] = useState(template?.title ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [theme, setTheme] = useState<Theme | ''>((template?.theme as Theme | undefined) ?? '');
  const changed =
    !template || title !== template.title || body !== template.body || theme !== template.theme;
  const submit = async () => {
    const fields = { kind, title: title.trim(), body, theme };
    if (template) await write('updateTemplate', { id: template.id, patch: fields });
    else if (await write('createTemplate', fields)) {
      setTitle('');
      setBody('');
    }
  };
  const label = kind === 'template' ? i18n.t('options.templateBody') : i18n.t('options.promptText');
  return (
    <form
      className="template-form"
      data-testid={template ? `${kind}-form` : `new-${kind}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) void submit();
      }}
    >
      {kind === 'template' ? (
        <>
          <label htmlFor={`${id}-title`}>{i18n.t('options.templateTitle')}</label>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
        </>
      ) : (
        <>
          <label htmlFor={`${id}-theme`}>{i18n.t('options.promptTheme')}</label>
          <select
            id={`${id}-theme`}
            value={theme}
            onChange={(e) => setTheme(e.target.value as Theme | '')}
          >
            <option value="">{i18n.t('options.anyTheme')}</option>
            {(Object.keys(THEMES) as Theme[]).map((t) => (
              <option key={t} value={t}>
                {themeLabel(t)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-body`}>{label}</label>
      <textarea
        id={`${id}-body`}
        rows={kind === 'template' ? 4 : 2}
        value={body}
        maxLength={20_000}
        onChange={(e) => setBody(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" disabled={!changed || !body.trim()}>
          {template ? i18n.t('common.save') : i18n.t('common.add')}
        </button>
        {template && (
          <button
            type="button"
            onClick={() => void act('deleteRecord', { table: 'templates', id: template.id })}
          >
            {i18n.t('common.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
