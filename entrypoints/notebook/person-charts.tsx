import { i18n } from '#i18n';
import type { SeriesPoint } from '@/utils/messaging/views';
import { LineChart } from '@/components/charts/line-chart';
import { formatNumber, shortDate } from '@/utils/pages/locale';
import { useLive } from '@/hooks/use-live';

/** At most this many of the latest 1on1s are drawn; the table under each chart has them all. */
const DRAWN = 52;

/** Condition, usefulness and the user's talk share over the person's held 1on1s (null: being read). */
export function PersonCharts({ series }: { series: SeriesPoint[] | null }) {
  const settings = useLive('getSettings', undefined);
  const target = settings.state === 'ready' ? settings.value.talkTargetSelfPercent : null;
  if (series === null) {
    // Read after the person's head (person-page.tsx).
    return (
      <section className="block" aria-labelledby="charts-heading" aria-busy="true">
        <h2 id="charts-heading">{i18n.t('charts.heading')}</h2>
        <p className="muted">{i18n.t('common.loading')}</p>
      </section>
    );
  }
  if (!series.length) {
    return (
      <section className="block" aria-labelledby="charts-heading">
        <h2 id="charts-heading">{i18n.t('charts.heading')}</h2>
        <p className="muted">{i18n.t('charts.none')}</p>
      </section>
    );
  }
  const drawn = series.slice(-DRAWN);
  const points = (pick: (p: SeriesPoint) => number | null) =>
    drawn.map((p) => ({ label: shortDate(p.at), value: pick(p) }));
  const score = (v: number) => formatNumber(v);
  return (
    <section className="block charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{i18n.t('charts.heading')}</h2>
      <LineChart
        title={i18n.t('charts.condition')}
        points={points((p) => p.condition)}
        min={1}
        max={5}
        ticks={[1, 3, 5]}
        format={score}
        testId="chart-condition"
      />
      <LineChart
        title={i18n.t('charts.rating')}
        points={points((p) => p.rating)}
        min={1}
        max={5}
        ticks={[1, 3, 5]}
        format={score}
        testId="chart-rating"
      />
      <LineChart
        title={i18n.t('charts.talk')}
        points={points((p) => p.talkSelfPercent)}
        min={0}
        max={100}
        ticks={[0, 50, 100]}
        format={(v) => `${formatNumber(v, 0)}%`}
        target={
          target === null
            ? undefined
            : { value: target, label: i18n.t('charts.talkTarget', [String(target)]) }
        }
        testId="chart-talk"
      />
    </section>
  );
}
