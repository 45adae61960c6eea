import type { CSSProperties } from 'react';
import type { AgreementReport } from '../../../annotations/agreement/report';
import type { Label } from '../../../annotations/model';

/**
 * The label confusion matrix: how often a span of the earlier layer overlaps
 * a span of the later one, by the label each gave. The diagonal is agreement
 * on the label; every other filled cell is a label conflict, and is tinted.
 */
export function LabelConfusionTable({ report, labels }: { report: AgreementReport; labels: readonly Label[] }) {
  const { labels: ids, counts } = report.confusion;
  const byId = new Map(labels.map((l) => [l.id, l]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const total = counts.flat().reduce((sum, n) => sum + n, 0);
  const [first, second] = report.annotators;
  const pairWords =
    report.annotators.length === 2
      ? `${first}’s label down the side, ${second}’s across the top`
      : `for each pair of layers, the label of the one listed first (in the order ${report.annotators.join(', ')}) down the side, the other’s across the top`;
  return (
    <figure className="agreement-figure">
      <figcaption className="agreement-figure-title">Labels of overlapping spans</figcaption>
      {total === 0 ? (
        <p className="muted">No spans of two layers overlap on the compared documents.</p>
      ) : (
        <div className="agreement-table-wrap">
          <table className="agreement-table confusion-table" data-testid="label-confusion">
            <caption className="muted small">Pairs of overlapping spans, {pairWords}. Off the diagonal, the two gave different labels.</caption>
            <thead>
              <tr>
                <td />
                {ids.map((column) => (
                  <th key={column} scope="col" className="numeric">
                    {name(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ids.map((row, i) => (
                <tr key={row}>
                  <th scope="row">{name(row)}</th>
                  {ids.map((column, j) => {
                    const n = counts[i]![j]!;
                    const conflict = i !== j && n > 0;
                    const style = { '--confusion-color': byId.get(row)?.color ?? 'var(--muted)' } as CSSProperties;
                    return (
                      <td key={column} className={`numeric${n === 0 ? ' confusion-zero' : ''}${conflict ? ' confusion-conflict' : ''}${i === j ? ' confusion-same' : ''}`} style={style} data-cell={`${row}|${column}`}>
                        {n}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
