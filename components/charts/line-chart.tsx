import { i18n } from '#i18n';
import { ChartTable } from './chart-table';

export interface LinePoint {
  /** In the table and the spoken summary. */
  label: string;
  /** Under the axis, where room is short (defaults to `label`). */
  tick?: string;
  value: number | null;
}

const W = 560;
const H = 160;
const PAD = { left: 36, right: 12, top: 10, bottom: 22 };

/**
 * A small line chart in plain SVG (no chart library: a few hundred bytes, themable by
 * `currentColor`, and its numbers in a table for screen readers). Missing values leave a gap.
 * `target` draws a dashed reference line (e.g. the talk-time aim).
 */
export function LineChart(props: {
  title: string;
  points: LinePoint[];
  min: number;
  max: number;
  ticks: number[];
  format: (value: number) => string;
  target?: { value: number; label: string };
  testId?: string;
}) {
  const { points, min, max } = props;
  const x = (i: number) =>
    points.length <= 1
      ? (PAD.left + W - PAD.right) / 2
      : PAD.left + (i * (W - PAD.left - PAD.right)) / (points.length - 1);
  const y = (v: number) =>
    PAD.top + ((max - Math.min(max, Math.max(min, v))) * (H - PAD.top - PAD.bottom)) / (max - min);
  const segments: string[][] = [];
  let segment: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) segment = [];
    else {
      if (!segment.length) segments.push(segment);
      segment.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    }
  });
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const anchor = (i: number) =>
    points.length > 1 && i === 0 ? 'start' : i === points.length - 1 && i > 0 ? 'end' : 'middle';
  const shown = points.flatMap((p) =>
    p.value === null ? [] : [`${p.label} ${props.format(p.value)}`],
  );
  const summary = `${props.title}: ${shown.length ? shown.join(', ') : '—'}`;
  return (
    <figure className="chart" data-testid={props.testId} data-points={shown.length}>
      <figcaption>{props.title}</figcaption>
      {!shown.length && <p className="muted small">{i18n.t('charts.noData')}</p>}
      {shown.length > 0 && (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
          {props.ticks.map((t) => (
            <g key={t} className="chart-grid">
              <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
              <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
                {props.format(t)}
              </text>
            </g>
          ))}
          {props.target && (
            <line
              className="chart-target"
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(props.target.value)}
              y2={y(props.target.value)}
            />
          )}
          {segments.map((s, i) => (
            <polyline key={i} className="chart-line" points={s.join(' ')} />
          ))}
          {points.map((p, i) =>
            p.value === null ? null : (
              <circle key={i} className="chart-dot" cx={x(i)} cy={y(p.value)} r={3} />
            ),
          )}
          {points.map((p, i) =>
            i % labelEvery === 0 ? (
              <text key={`l${i}`} className="chart-label" x={x(i)} y={H - 6} textAnchor={anchor(i)}>
                {p.tick ?? p.label}
              </text>
            ) : null,
          )}
        </svg>
      )}
      {props.target && <p className="muted small">{props.target.label}</p>}
      <ChartTable
        caption={props.title}
        columns={['', props.title]}
        rows={points.map((p) => [p.label, p.value === null ? '—' : props.format(p.value)])}
      />
    </figure>
  );
}
