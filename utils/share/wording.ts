import type { AgendaItem, MessageLanguage } from '@/utils/model/entities';

type Response = NonNullable<AgendaItem['response']>;

/**
 * The words of an agenda or recap message, in both languages at once: a message is written in
 * the person's language, which may not be the UI's (so not through i18n.t). The topic parser
 * reads the same headings back, so a Taiwa message pasted in either language is understood.
 */
export const WORDING = {
  en: {
    agendaTitle: (when: string | null) =>
      when ? `Agenda for our 1on1 on ${when}` : 'Agenda for our 1on1',
    agendaSubject: (when: string | null) => (when ? `1on1 agenda: ${when}` : '1on1 agenda'),
    recapTitle: (when: string | null) =>
      when ? `Recap of our 1on1 on ${when}` : 'Recap of our 1on1',
    recapSubject: (when: string | null) => (when ? `1on1 recap: ${when}` : '1on1 recap'),
    yourTopics: 'Your topics',
    myTopics: 'My topics',
    openActions: 'Open action items',
    goals: 'Goals to re-check',
    agreed: 'What we agreed',
    actions: 'Action items',
    stillOpen: 'Still open from before',
    next: (when: string) => `Next 1on1: ${when}`,
    emptyAgenda: 'Nothing on the agenda yet.',
    emptyRecap: 'Nothing was recorded for this 1on1.',
    wanted: (response: string) => ` (wanted: ${response})`,
    responses: { advice: 'advice', 'think-together': 'think together', listen: 'just listen' },
    details: (parts: string[]) => ` (${parts.join(', ')})`,
    owner: (who: string) => `owner: ${who}`,
    due: (when: string) => `due ${when}`,
    done: 'done',
    me: 'me',
    you: 'you',
    progress: (percent: number) => `${percent}%`,
    target: (when: string) => `by ${when}`,
    date: 'EEE, MMM d',
    dateYear: 'EEE, MMM d, yyyy',
    time: 'h:mm a',
    dateTime: (date: string, time: string) => `${date}, ${time}`,
  },
  ja: {
    agendaTitle: (when: string | null) =>
      when ? `${when} の 1on1 のアジェンダ` : '1on1 のアジェンダ',
    agendaSubject: (when: string | null) =>
      when ? `1on1 のアジェンダ（${when}）` : '1on1 のアジェンダ',
    recapTitle: (when: string | null) => (when ? `${when} の 1on1 の振り返り` : '1on1 の振り返り'),
    recapSubject: (when: string | null) =>
      when ? `1on1 の振り返り（${when}）` : '1on1 の振り返り',
    yourTopics: 'あなたが話したいこと',
    myTopics: '私が話したいこと',
    openActions: '未完了のアクションアイテム',
    goals: '振り返る目標',
    agreed: '合意したこと',
    actions: 'アクションアイテム',
    stillOpen: '前回までの未完了',
    next: (when: string) => `次回の 1on1：${when}`,
    emptyAgenda: 'アジェンダはまだありません。',
    emptyRecap: 'この 1on1 の記録はありません。',
    wanted: (response: string) => `（希望：${response}）`,
    responses: { advice: 'アドバイス', 'think-together': '一緒に考えて', listen: '聞いてほしい' },
    details: (parts: string[]) => `（${parts.join('、')}）`,
    owner: (who: string) => `担当：${who}`,
    due: (when: string) => `期限：${when}`,
    done: '完了',
    me: '私',
    you: 'あなた',
    progress: (percent: number) => `進捗 ${percent}%`,
    target: (when: string) => `目標日：${when}`,
    date: 'M月d日(E)',
    dateYear: 'yyyy年M月d日(E)',
    time: 'H:mm',
    dateTime: (date: string, time: string) => `${date} ${time}`,
  },
} as const satisfies Record<MessageLanguage, unknown>;

/** The section headings of a Taiwa message, by what the section holds. */
export type SectionKind =
  'yourTopics' | 'myTopics' | 'openActions' | 'goals' | 'agreed' | 'actions' | 'stillOpen';

export const SECTION_KINDS: readonly SectionKind[] = [
  'yourTopics',
  'myTopics',
  'openActions',
  'goals',
  'agreed',
  'actions',
  'stillOpen',
];

/**
 * What a member may write for the response they want, in either language, normalised (NFKC,
 * lower case): Taiwa's own labels and the common ways people put it.
 */
export const RESPONSE_WORDS: Record<Response, readonly string[]> = {
  advice: [
    'advice',
    'アドバイス',
    'アドバイスがほしい',
    'アドバイスが欲しい',
    '助言',
    '助言がほしい',
  ],
  'think-together': [
    'think together',
    'thinking together',
    "let's think together",
    '一緒に考えて',
    '一緒に考えてほしい',
    'いっしょに考えて',
    'いっしょに考えてほしい',
  ],
  listen: [
    'just listen',
    'listen',
    'just listening',
    'listen only',
    '聞いてほしい',
    '聴いてほしい',
    '聞くだけ',
    '話を聞いてほしい',
  ],
};
