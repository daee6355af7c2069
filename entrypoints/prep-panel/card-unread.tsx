import { i18n } from '#i18n';

/** What the panel says for each part of a card it could not read. */
const partText = (problem: string) =>
  ({
    guests: i18n.t('prepPanel.unread.guests'),
    time: i18n.t('prepPanel.unread.time'),
    stale: i18n.t('prepPanel.unread.stale'),
  })[problem] ?? problem;

/**
 * A card Taiwa could read only in part: said in words, with what was not read. Nothing of anyone
 * is shown, and nothing was recorded: a guess here could show one person's notes on another's
 * meeting. The health line below offers the page's structure for a bug report.
 */
export function CardUnread({ problems }: { problems: readonly string[] }) {
  return (
    <div className="unread" data-testid="card-unread" role="alert">
      <p>
        <strong>{i18n.t('prepPanel.unread.title')}</strong>
      </p>
      <ul className="small">
        {problems.map((problem) => (
          <li key={problem} data-problem={problem}>
            {partText(problem)}
          </li>
        ))}
      </ul>
      <p className="muted small">{i18n.t('prepPanel.unread.nothingRecorded')}</p>
    </div>
  );
}
