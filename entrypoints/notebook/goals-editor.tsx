import { i18n } from '#i18n';
import { useState } from 'react';
import type { Goal } from '@/utils/model/entities';
import { GOAL_STATUSES } from '@/utils/model/enums';
import { ago, shortDate } from '@/utils/pages/locale';
import { write } from '@/utils/pages/send';

const statusLabel = (s: Goal['status']) =>
  ({
    active: i18n.t('goals.status.active'),
    achieved: i18n.t('goals.status.achieved'),
    dropped: i18n.t('goals.status.dropped'),
  })[s];

/**
 * The member's goals: status, progress and each re-check, so at evaluation time the story of the
 * year is there, not just its end.
 */
export function GoalsEditor({ personId, goals }: { personId: string; goals: Goal[] }) {
  const [text, setText] = useState('');
  const ordered = [...goals].sort(
    (a, b) =>
      GOAL_STATUSES.indexOf(a.status) - GOAL_STATUSES.indexOf(b.status) ||
      a.createdAt - b.createdAt,
  );
  return (
    <section className="block" aria-labelledby="goals-editor-heading">
      <h2 id="goals-editor-heading">{i18n.t('goals.editorHeading')}</h2>
      {ordered.length === 0 && <p className="muted">{i18n.t('goals.empty')}</p>}
      <ul className="goals" data-testid="goals">
        {ordered.map((goal) => (
          <GoalRow key={goal.id} goal={goal} />
        ))}
      </ul>
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          void write('createGoal', { personId, text: text.trim() }).then((g) => g && setText(''));
        }}
      >
        <input
          className="grow"
          aria-label={i18n.t('goals.addPlaceholder')}
          placeholder={i18n.t('goals.addPlaceholder')}
          maxLength={4000}
          value={text}
          data-testid="goal-input"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{i18n.t('common.add')}</button>
      </form>
    </section>
  );
}

function GoalRow({ goal }: { goal: Goal }) {
  const [progress, setProgress] = useState(goal.progress);
  const update = (patch: Parameters<typeof write<'updateGoal'>>[1]['patch']) =>
    void write('updateGoal', { id: goal.id, patch });
  return (
    <li data-testid="goal" data-status={goal.status}>
      <span className="grow">{goal.text}</span>
      <select
        aria-label={i18n.t('goals.statusLabel', [goal.text])}
        value={goal.status}
        onChange={(e) => update({ status: e.target.value as Goal['status'] })}
      >
        {GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <label className="inline">
        <span className="sr-only">{i18n.t('goals.progressLabel', [goal.text])}</span>
        <input
          type="number"
          min={0}
          max={100}
          step={5}
          value={progress}
          className="narrow"
          onChange={(e) =>
            setProgress(Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))))
          }
          onBlur={() => progress !== goal.progress && update({ progress })}
        />
        %
      </label>
      <button
        type="button"
        data-testid="goal-recheck"
        onClick={() => update({ progress, reviewedAt: Date.now() })}
      >
        {i18n.t('goals.markReviewed')}
      </button>
      <span className="muted small">
        {goal.reviewedAt === null
          ? i18n.t('goals.neverReviewed')
          : i18n.t('goals.reviewed', [ago(goal.reviewedAt)])}
      </span>
      {goal.reviews.length > 0 && (
        <details className="reviews">
          <summary>{i18n.t('goals.reviewsHeading', [String(goal.reviews.length)])}</summary>
          <ol data-testid="goal-reviews">
            {[...goal.reviews].reverse().map((r) => (
              <li key={r.at}>
                {shortDate(r.at)}: {i18n.t('goals.progress', [String(r.progress)])} ·{' '}
                {statusLabel(r.status)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}
