import { i18n } from '#i18n';
import type { PracticeMonth } from '@/utils/domain/practice';
import { BarChart } from '@/components/charts/bar-chart';
import { LineChart } from '@/components/charts/line-chart';
import { formatNumber, monthLabel, monthTick } from '@/utils/pages/locale';
import { useLive } from '@/hooks/use-live';

const MONTHS = 12;

/** A month's names on a chart: in full for the table and screen readers, short under the axis. */
const monthOf = (m: PracticeMonth) => ({ label: monthLabel(m.start), tick: monthTick(m.start) });

/**
 * "My 1on1 practice": the user's own PDCA. Month by month, how many 1on1s happened of those set,
 * how much the user talked against the aim, how useful they were, and who was left overdue.
 */
export function PracticeDashboard() {
  const live = useLive('getPractice', { months: MONTHS });
  const people = useLive('listPeople', undefined);
  const names = new Map(
    (people.state === 'ready' ? people.value : []).map((o) => [
      o.person.id,
      o.person.name || o.person.email,
    ]),
  );
  return (
    <section aria-labelledby="practice-heading" data-testid="practice">
      <h2 id="practice-heading" tabIndex={-1}>
        {i18n.t('practice.heading')}
      </h2>
      <p className="muted">{i18n.t('practice.intro')}</p>
      {live.state === 'loading' && <p role="status">{i18n.t('common.loading')}</p>}
      {live.state === 'error' && (
        <p role="alert" className="error">
          {live.error}
        </p>
      )}
      {live.state === 'ready' && (
        <>
          <BarChart
            title={i18n.t('practice.heldChart')}
            testId="chart-held"
            series={[
              { name: i18n.t('practice.scheduled'), className: 'bar-secondary' },
              { name: i18n.t('practice.held'), className: 'bar-primary' },
            ]}
            groups={live.value.months.map((m) => ({
              ...monthOf(m),
              values: [m.scheduled, m.held],
            }))}
          />
          <LineChart
            title={i18n.t('practice.talkChart')}
            testId="chart-practice-talk"
            points={live.value.months.map((m) => ({
              ...monthOf(m),
              value: m.talkSelfPercent,
            }))}
            min={0}
            max={100}
            ticks={[0, 50, 100]}
            format={(v) => `${formatNumber(v, 0)}%`}
            target={{
              value: live.value.talkTargetSelfPercent,
              label: i18n.t('charts.talkTarget', [String(live.value.talkTargetSelfPercent)]),
            }}
          />
          <LineChart
            title={i18n.t('practice.ratingChart')}
            testId="chart-practice-rating"
            points={live.value.months.map((m) => ({
              ...monthOf(m),
              value: m.rating,
            }))}
            min={1}
            max={5}
            ticks={[1, 3, 5]}
            format={(v) => formatNumber(v)}
          />
          <BarChart
            title={i18n.t('practice.overdueChart')}
            testId="chart-overdue"
            series={[{ name: i18n.t('practice.overdue'), className: 'bar-warning' }]}
            groups={live.value.months.map((m) => ({
              ...monthOf(m),
              values: [m.overdue],
            }))}
          />
          <section className="block" aria-labelledby="overdue-now-heading">
            <h3 id="overdue-now-heading">
              {i18n.t('practice.overdueNow', [String(live.value.overdueNow.length)])}
            </h3>
            <ul data-testid="overdue-now">
              {live.value.overdueNow.map((id) => (
                <li key={id}>
                  <a href={`#person=${id}`}>{names.get(id) ?? '…'}</a>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </section>
  );
}
