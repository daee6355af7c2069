import { i18n } from '#i18n';
import { useState } from 'react';
import type { AgendaItem, Template } from '@/utils/model/entities';
import { write } from '@/utils/pages/send';
import { newAgendaItem } from './agenda-editor';

/**
 * Themes of questions that make people think (docs/domain.md § What a 1on1 is), with the agenda
 * category they feed.
 */
export const THEMES = {
  condition: 'condition',
  work: 'work',
  growth: 'growth',
  career: 'career',
  feedback: 'work',
  vision: 'career',
} as const satisfies Record<string, AgendaItem['category']>;
export type Theme = keyof typeof THEMES;

export const themeLabel = (theme: Theme) =>
  ({
    condition: i18n.t('prompts.theme.condition'),
    work: i18n.t('prompts.theme.work'),
    growth: i18n.t('prompts.theme.growth'),
    career: i18n.t('prompts.theme.career'),
    feedback: i18n.t('prompts.theme.feedback'),
    vision: i18n.t('prompts.theme.vision'),
  })[theme];

/** The built-in library, in the UI language. */
const builtIn = (theme: Theme): string[] =>
  ({
    condition: [
      i18n.t('prompts.condition.q1'),
      i18n.t('prompts.condition.q2'),
      i18n.t('prompts.condition.q3'),
    ],
    work: [i18n.t('prompts.work.q1'), i18n.t('prompts.work.q2'), i18n.t('prompts.work.q3')],
    growth: [i18n.t('prompts.growth.q1'), i18n.t('prompts.growth.q2'), i18n.t('prompts.growth.q3')],
    career: [i18n.t('prompts.career.q1'), i18n.t('prompts.career.q2'), i18n.t('prompts.career.q3')],
    feedback: [
      i18n.t('prompts.feedback.q1'),
      i18n.t('prompts.feedback.q2'),
      i18n.t('prompts.feedback.q3'),
    ],
    vision: [i18n.t('prompts.vision.q1'), i18n.t('prompts.vision.q2'), i18n.t('prompts.vision.q3')],
  })[theme];

/**
 * Question ideas by theme for "I don't know what to talk about", each added to the agenda with
 * one click, plus the user's own prompts (kept with their data).
 */
export function PromptLibrary(props: { meetingId: string; order: number; own: Template[] }) {
  const [theme, setTheme] = useState<Theme>('condition');
  const own = props.own.filter((t) => !t.theme || t.theme === theme);
  const add = (text: string) =>
    void write('saveAgendaItem', {
      meetingId: props.meetingId,
      item: newAgendaItem({ text, author: 'me', category: THEMES[theme] }, props.order),
    });
  return (
    <details className="block prompts">
      <summary>{i18n.t('prompts.heading')}</summary>
      <div className="chips" role="group" aria-label={i18n.t('prompts.themes')}>
        {(Object.keys(THEMES) as Theme[]).map((t) => (
          <button key={t} type="button" aria-pressed={t === theme} onClick={() => setTheme(t)}>
            {themeLabel(t)}
          </button>
        ))}
      </div>
      <ul data-testid="prompt-list">
        {[...builtIn(theme), ...own.map((t) => t.body || t.title)].map((text, i) => (
          <li key={`${i}-${text}`}>
            <span className="grow">{text}</span>
            <button
              type="button"
              aria-label={i18n.t('prompts.addLabel', [text])}
              onClick={() => add(text)}
            >
              {i18n.t('common.add')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
