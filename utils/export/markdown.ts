import { format } from 'date-fns';
import { enUS, ja } from 'date-fns/locale';
import type { ActionItem, Goal, Meeting, Note, Person } from '@/utils/model/entities';

export type ExportLanguage = 'ja' | 'en';

const LABELS = {
  en: {
    profile: 'Profile',
    relationship: 'Relationship',
    cadence: 'Cadence',
    career: 'Career wishes',
    values: 'Values',
    strengths: 'Strengths',
    goals: 'Goals',
    progress: 'progress',
    target: 'target',
    sessions: '1on1s',
    agenda: 'Agenda',
    shared: 'Shared notes',
    private: 'Private notes',
    actions: 'Action items',
    condition: 'Condition',
    rating: 'Usefulness',
    me: 'me',
    them: 'them',
    due: 'due',
    none: '(none)',
    dateFormat: 'PPP',
    status: { planned: 'planned', held: 'held', skipped: 'skipped', cancelled: 'cancelled' },
    goalStatus: { active: 'active', achieved: 'achieved', dropped: 'dropped' },
    exported: 'Exported from Taiwa on',
  },
  ja: {
    profile: 'プロフィール',
    relationship: '関係',
    cadence: '頻度',
    career: 'キャリアの希望',
    values: '大切にしていること',
    strengths: '強み',
    goals: '目標',
    progress: '進捗',
    target: '期限',
    sessions: '1on1 の記録',
    agenda: 'アジェンダ',
    shared: '共有メモ',
    private: '非公開メモ',
    actions: 'アクションアイテム',
    condition: 'コンディション',
    rating: '有意義度',
    me: '自分',
    them: '相手',
    due: '期限',
    none: '（なし）',
    dateFormat: 'PPP',
    status: { planned: '予定', held: '実施', skipped: 'スキップ', cancelled: '中止' },
    goalStatus: { active: '進行中', achieved: '達成', dropped: '取り下げ' },
    exported: 'Taiwa から書き出し：',
  },
} as const;

/**
 * HTML in user or calendar text shown as text: Markdown viewers render raw HTML, and a name or an
 * event title is hostile input. Entities read the same to a person.
 */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line of user text, safe inside a heading or list item. */
function inline(text: string): string {
  return escapeHtml(text.replace(/\s*\n\s*/g, ' ')).replace(/^([#*+-]|\d+\.)/, '\\$1');
}

/** A block of user text, kept as written but unable to open headings or swallow the document. */
function block(text: string): string {
  return escapeHtml(text)
    .trim()
    .split('\n')
    .map((line) => (/^\s{0,3}(#|```|~~~)/.test(line) ? `\\${line.trimStart()}` : line))
    .join('\n');
}

export interface MarkdownInput {
  person: Person;
  meetings: Meeting[];
  notes: Note[];
  actions: ActionItem[];
  goals: Goal[];
}

/**
 * One person's whole record as Markdown, for evaluation season: profile, goals, then every 1on1
 * oldest first with agenda, shared notes (and private notes only when asked), action items,
 * condition and rating.
 */
export function personToMarkdown(
  input: MarkdownInput,
  options: { includePrivate: boolean; lang: ExportLanguage; now: number },
): string {
  const L = LABELS[options.lang];
  const locale = options.lang === 'ja' ? ja : enUS;
  const date = (ms: number) => format(ms, L.dateFormat, { locale });
  const { person } = input;
  const out: string[] = [`# ${inline(person.name || person.email)}`, ''];
  if (person.email) out.push(inline(person.email), '');
  out.push(`## ${L.profile}`, '');
  out.push(`- ${L.relationship}: ${person.relationship}`, `- ${L.cadence}: ${person.cadence}`);
  for (const key of ['career', 'values', 'strengths'] as const) {
    if (person.profile[key].trim()) out.push(`- ${L[key]}: ${inline(person.profile[key])}`);
  }
  out.push('', `## ${L.goals}`, '');
  if (!input.goals.length) out.push(L.none);
  for (const goal of input.goals) {
    const target = goal.targetDate ? `, ${L.target} ${date(goal.targetDate)}` : '';
    out.push(
      `- ${inline(goal.text)} (${L.goalStatus[goal.status]}, ${L.progress} ${goal.progress}%${target})`,
    );
  }
  out.push('', `## ${L.sessions}`);
  const sessions = [...input.meetings].sort(
    (a, b) =>
      (a.plannedStart ?? a.heldAt ?? a.createdAt) - (b.plannedStart ?? b.heldAt ?? b.createdAt),
  );
  for (const meeting of sessions) {
    const when = meeting.heldAt ?? meeting.plannedStart ?? meeting.createdAt;
    out.push(
      '',
      `### ${date(when)} — ${inline(meeting.title || '1on1')} (${L.status[meeting.status]})`,
      '',
    );
    const scores = [
      meeting.condition !== null ? `${L.condition}: ${meeting.condition}/5` : null,
      meeting.rating !== null ? `${L.rating}: ${meeting.rating}/5` : null,
    ].filter(Boolean);
    if (scores.length) out.push(scores.join(' · '), '');
    if (meeting.agenda.length) {
      out.push(`#### ${L.agenda}`, '');
      for (const item of meeting.agenda)
        out.push(`- [${item.done ? 'x' : ' '}] ${inline(item.text)}`);
      out.push('');
    }
    const notes = input.notes.filter((n) => n.meetingId === meeting.id && n.text.trim());
    for (const kind of options.includePrivate
      ? (['shared', 'private'] as const)
      : (['shared'] as const)) {
      const note = notes.find((n) => n.kind === kind);
      if (note) out.push(`#### ${L[kind]}`, '', block(note.text), '');
    }
    const actions = input.actions.filter((a) => a.meetingId === meeting.id);
    if (actions.length) {
      out.push(`#### ${L.actions}`, '');
      for (const a of actions) {
        const due = a.due ? ` (${L.due} ${date(a.due)})` : '';
        out.push(`- [${a.done ? 'x' : ' '}] ${inline(a.text)} — ${L[a.owner]}${due}`);
      }
      out.push('');
    }
  }
  out.push('', `_${L.exported} ${date(options.now)}_`, '');
  return out.join('\n');
}
