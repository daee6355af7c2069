import { i18n } from '#i18n';
import { useId } from 'react';

/**
 * A chart's numbers as a table, folded under the chart: a screen reader (and anyone who wants the
 * figures) gets every value, not just a picture. `rows` are [label, ...values].
 */
export function ChartTable(props: {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  const id = useId();
  return (
    <details className="chart-table">
      <summary id={id}>{i18n.t('charts.showTable')}</summary>
      <table aria-labelledby={id}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
