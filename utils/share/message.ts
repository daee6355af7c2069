import { format, isSameYear } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { ja } from 'date-fns/locale/ja';
import type { ActionItem, AgendaItem, MessageLanguage } from '@/utils/model/entities';
import type { ShareView } from './share-view';
import { WORDING } from './wording';

/** A message ready to send: the same content as plain text and as HTML, and a mail subject. */
export interface ShareMessage {
  subject: string;
  text: string;
  html: string;
}

/** The message as a few kinds of blocks, so its text and its HTML cannot say different things. */
type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'paragraph'; text: string };

type Words = (typeof WORDING)[MessageLanguage];

interface Context {
  lang: MessageLanguage;
  words: Words;
  now: number;
  /** What the other person is called in the message (their name, or "you"). */
  them: string;
}

function context(view: ShareView, lang: MessageLanguage, now: number): Context {
  const words = WORDING[lang];
  return { lang, words, now, them: oneLine(view.person.name) || words.you };
}

const locale = (lang: MessageLanguage) => (lang === 'ja' ? ja : enUS);

function day(ctx: Context, at: number): string {
  const pattern = isSameYear(at, ctx.now) ? ctx.words.date : ctx.words.dateYear;
  return format(at, pattern, { locale: locale(ctx.lang) });
}

function dayTime(ctx: Context, at: number): string {
  return ctx.words.dateTime(day(ctx, at), format(at, ctx.words.time, { locale: locale(ctx.lang) }));
}

/** User text on one line: a topic typed with line breaks must not become several list items. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function topicLine(ctx: Context, item: AgendaItem): string {
  const text = oneLine(item.text);
  return item.response ? text + ctx.words.wanted(ctx.words.responses[item.response]) : text;
}

function actionLine(ctx: Context, action: ActionItem): string {
  const parts = [ctx.words.owner(action.owner === 'me' ? ctx.words.me : ctx.them)];
  if (action.due !== null) parts.push(ctx.words.due(day(ctx, action.due)));
  if (action.done) parts.push(ctx.words.done);
  return oneLine(action.text) + ctx.words.details(parts);
}

/** The topics grouped by whose they are, in the agenda's order (the member's first). */
function topicSections(ctx: Context, agenda: AgendaItem[]): Block[] {
  const blocks: Block[] = [];
  let author: AgendaItem['author'] | null = null;
  let items: string[] = [];
  for (const item of agenda) {
    if (item.done || !oneLine(item.text)) continue;
    if (author !== item.author) {
      author = item.author;
      items = [];
      const heading = author === 'them' ? ctx.words.yourTopics : ctx.words.myTopics;
      blocks.push({ kind: 'heading', text: heading }, { kind: 'list', ordered: true, items });
    }
    items.push(topicLine(ctx, item));
  }
  return blocks;
}

/** A heading and its list, or nothing when the list is empty. */
function section(heading: string, items: string[], ordered = false): Block[] {
  return items.length
    ? [
        { kind: 'heading', text: heading },
        { kind: 'list', ordered, items },
      ]
    : [];
}

const byDue = (a: ActionItem, b: ActionItem) =>
  (a.due ?? Number.MAX_SAFE_INTEGER) - (b.due ?? Number.MAX_SAFE_INTEGER);

/**
 * The agenda sent before a 1on1: the topics (the member's first, each with the response they
 * want), the open action items of both sides, and the goals to re-check. Never a private note:
 * the view it is built from holds none.
 */
export function buildAgenda(view: ShareView, lang: MessageLanguage, now: number): ShareMessage {
  const ctx = context(view, lang, now);
  const when = view.meeting.plannedStart === null ? null : dayTime(ctx, view.meeting.plannedStart);
  const open = [...view.openActions, ...view.actions].filter((a) => !a.done).sort(byDue);
  const body: Block[] = [
    ...topicSections(ctx, view.agenda),
    ...section(
      ctx.words.openActions,
      open.map((a) => actionLine(ctx, a)),
    ),
    ...section(
      ctx.words.goals,
      view.goals
        .filter((g) => oneLine(g.text))
        .map((g) => {
          const parts = [ctx.words.progress(g.progress)];
          if (g.targetDate !== null) parts.push(ctx.words.target(day(ctx, g.targetDate)));
          return oneLine(g.text) + ctx.words.details(parts);
        }),
    ),
  ];
  return render(ctx.words.agendaSubject(when), [
    { kind: 'title', text: ctx.words.agendaTitle(when) },
    ...(body.length ? body : [{ kind: 'paragraph', text: ctx.words.emptyAgenda } as const]),
  ]);
}

/**
 * The recap sent after a 1on1: the shared notes (what both agreed), the action items with owner
 * and due date, and the next 1on1's date. Never the private memo.
 */
export function buildRecap(view: ShareView, lang: MessageLanguage, now: number): ShareMessage {
  const ctx = context(view, lang, now);
  const at = view.meeting.heldAt ?? view.meeting.plannedStart;
  const when = at === null ? null : day(ctx, at);
  const agreed = tidy(view.sharedNotes);
  const body: Block[] = [
    ...(agreed
      ? [
          { kind: 'heading', text: ctx.words.agreed } as const,
          { kind: 'paragraph', text: agreed } as const,
        ]
      : []),
    ...section(
      ctx.words.actions,
      [...view.actions].sort(byDue).map((a) => actionLine(ctx, a)),
    ),
    ...section(
      ctx.words.stillOpen,
      view.openActions
        .filter((a) => !a.done)
        .sort(byDue)
        .map((a) => actionLine(ctx, a)),
    ),
    ...(view.nextPlanned
      ? [{ kind: 'paragraph', text: ctx.words.next(dayTime(ctx, view.nextPlanned.at)) } as const]
      : []),
  ];
  return render(ctx.words.recapSubject(when), [
    { kind: 'title', text: ctx.words.recapTitle(when) },
    ...(body.length ? body : [{ kind: 'paragraph', text: ctx.words.emptyRecap } as const]),
  ]);
}

/** A note as written, without trailing spaces or runs of blank lines. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text and HTML that read well pasted into a mail, Google Chat or Slack (no Markdown marks). */
function render(subject: string, blocks: Block[]): ShareMessage {
  const text: string[] = [];
  const html: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        text.push(block.text, '');
        html.push(`<p><b>${escapeHtml(block.text)}</b></p>`);
        break;
      case 'heading':
        text.push(block.text);
        html.push(`<p><b>${escapeHtml(block.text)}</b></p>`);
        break;
      case 'list': {
        block.items.forEach((item, i) =>
          text.push(block.ordered ? `${i + 1}. ${item}` : `- ${item}`),
        );
        text.push('');
        const tag = block.ordered ? 'ol' : 'ul';
        html.push(
          `<${tag}>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</${tag}>`,
        );
        break;
      }
      case 'paragraph':
        text.push(block.text, '');
        html.push(`<p>${escapeHtml(block.text).replace(/\n/g, '<br>')}</p>`);
        break;
    }
  }
  return { subject, text: text.join('\n').trim() + '\n', html: html.join('\n') };
}

/** Every character that could open markup or an attribute, as an entity: user text is hostile. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
