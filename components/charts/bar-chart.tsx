import { ChartTable } from './chart-table';

export interface BarGroup {
  /** In the table and the spoken summary. */
  label: string;
  /** Under the axis, where room is short (defaults to `label`). */
  tick?: string;
  values: number[];
}

const W = 560;
const H = 160;
const PAD = { left: 36, right: 12, top: 10, bottom: 22 };

/**
 * Grouped bars in plain SVG, e.g. 1on1s held against scheduled per month. Each series has a name
 * (shown in the legend and the table) and a class for its colour.
 */
export function BarChart(props: {
  title: string;
  series: { name: string; className: string }[];
  groups: BarGroup[];
  testId?: string;
}) {
  const { groups, series } = props;
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const ticks = [0, Math.round(max / 2), max].filter((t, i, all) => all.indexOf(t) === i);
  const band = (W - PAD.left - PAD.right) / Math.max(1, groups.length);
  const bar = (band * 0.7) / series.length;
  const y = (v: number) => PAD.top + ((max - v) * (H - PAD.top - PAD.bottom)) / max;
  const summary = `${props.title}: ${groups
    .map((g) => `${g.label} ${g.values.map((v, i) => `${series[i]?.name} ${v}`).join(' / ')}`)
    .join(', ')}`;
  return (
    <figure className="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {ticks.map((t) => (
          <g key={t} className="chart-grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        {groups.map((g, i) =>
          g.values.map((v, j) => (
            <rect
              key={`${i}-${j}`}
              className={series[j]?.className}
              x={PAD.left + i * band + band * 0.15 + j * bar}
              y={y(v)}
              width={bar}
              height={Math.max(0, H - PAD.bottom - y(v))}
            />
          )),
        )}
        {groups.map((g, i) => (
          <text
            key={`l${i}`}
            className="chart-label"
            x={PAD.left + (i + 0.5) * band}
            y={H - 6}
            textAnchor="middle"
          >
            {g.tick ?? g.label}
          </text>
        ))}
      </svg>
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name}>
            <span className={`swatch ${s.className}`} /> {s.name}
          </li>
        ))}
      </ul>
      <ChartTable
        caption={props.title}
        columns={['', ...series.map((s) => s.name)]}
        rows={groups.map((g) => [g.label, ...g.values])}
      />
    </figure>
  );
}
