import { i18n } from '#i18n';

export interface NoteTemplate {
  id: string;
  title: string;
  body: string;
}

/**
 * Structures to start notes from (docs/domain.md: technique, the long view), in the UI language;
 * the user's own templates follow them.
 */
export const builtInTemplates = (): NoteTemplate[] => [
  { id: 'sbi', title: i18n.t('templates.sbi.title'), body: i18n.t('templates.sbi.body') },
  {
    id: 'fact-feeling-proposal',
    title: i18n.t('templates.ffp.title'),
    body: i18n.t('templates.ffp.body'),
  },
  { id: 'career', title: i18n.t('templates.career.title'), body: i18n.t('templates.career.body') },
  {
    id: 'condition',
    title: i18n.t('templates.condition.title'),
    body: i18n.t('templates.condition.body'),
  },
];

/**
 * `text` with `body` inserted at the cursor (`at`), on a line of its own, and where the cursor
 * goes after it.
 */
export function insertTemplate(
  text: string,
  at: number,
  body: string,
): { text: string; cursor: number } {
  const cut = Math.max(0, Math.min(at, text.length));
  const before = text.slice(0, cut);
  const after = text.slice(cut);
  const lead = before && !before.endsWith('\n') ? '\n' : '';
  const block = `${lead}${body.replace(/\n*$/, '\n')}`;
  return { text: before + block + after, cursor: before.length + block.length };
}
