import { i18n } from '#i18n';
import type { Goal } from '@/utils/model/entities';
import { ago } from '@/utils/pages/locale';
import { write } from '@/utils/pages/send';

/** The person's active goals, to re-check now and then so evaluation time holds no surprises. */
export function GoalsCheck({ goals }: { goals: Goal[] }) {
  if (!goals.length) return null;
  return (
    <section className="block" aria-labelledby="goals-heading">
      <h2 id="goals-heading">{i18n.t('goals.heading')}</h2>
      <ul className="goals">
        {goals.map((goal) => (
          <li key={goal.id}>
            <span className="grow">{goal.text}</span>
            <span className="muted small">
              {i18n.t('goals.progress', [String(goal.progress)])}
              {' · '}
              {goal.reviewedAt === null
                ? i18n.t('goals.neverReviewed')
                : i18n.t('goals.reviewed', [ago(goal.reviewedAt)])}
            </span>
            <button
              type="button"
              onClick={() =>
                void write('updateGoal', { id: goal.id, patch: { reviewedAt: Date.now() } })
              }
            >
              {i18n.t('goals.markReviewed')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
