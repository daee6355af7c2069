import { i18n } from '#i18n';
import type { PrepView } from '@/utils/messaging/views';
import { shortDate } from '@/utils/pages/locale';

const W = 200;
const H = 48;
const PAD = 6;

/**
 * The member's condition (1–5) over the last meetings, as a small line chart. The trend matters
 * more than one value. Screen readers get the values in order.
 */
export function ConditionTrend({ points }: { points: PrepView['conditionTrend'] }) {
  const scored = points.filter((p) => p.condition !== null);
  if (scored.length === 0) return <p className="muted small">{i18n.t('condition.none')}</p>;
  const x = (i: number) =>
    points.length === 1 ? W / 2 : PAD + (i * (W - 2 * PAD)) / (points.length - 1);
  const y = (c: number) => H - PAD - ((c - 1) * (H - 2 * PAD)) / 4;
  const coords = points.flatMap((p, i) => (p.condition === null ? [] : [[x(i), y(p.condition)]]));
  const description = i18n.t('condition.trendLabel', [
    points.map((p) => `${shortDate(p.at)}: ${p.condition ?? '–'}`).join(', '),
  ]);
  return (
    <svg
      className="trend"
      role="img"
      aria-label={description}
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      data-testid="condition-trend"
    >
      <title>{description}</title>
      <polyline
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        points={coords.map(([cx, cy]) => `${cx},${cy}`).join(' ')}
      />
      {coords.map(([cx, cy], i) => (
        <circle key={i} cx={cx} cy={cy} r={3} fill="currentColor" />
      ))}
    </svg>
  );
}
