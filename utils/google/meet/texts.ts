/**
 * Meet's status texts, English and Japanese, lowercased. Only ever a second signal next to the
 * structure in selectors.ts: labels are localised and reworded far more often than ids.
 */
export const TEXTS = {
  waiting: [
    'asking to be let in',
    "you'll join the call when someone lets you in",
    '参加をリクエストしています',
    '参加リクエストが承認されると',
  ],
  ended: [
    'you left the meeting',
    'meeting ended',
    'the call has ended',
    'you have been removed',
    '通話から退出しました',
    '会議は終了しました',
    '通話は終了しました',
  ],
  /**
   * Meet says the user is presenting: a "Stop presenting" control and a "(You, presenting)"
   * heading (captured June 2026 in Ukrainian: "Зупинити презентацію", "(Ви (показуєте презентацію))").
   */
  presenting: [
    'stop presenting',
    'you are presenting',
    'プレゼンテーションを停止',
    '画面を共有しています',
  ],
  /** The People panel marks the user's own row. */
  self: ['(you)', '（あなた）', '(あなた)'],
};
