import type { CSSProperties } from 'react';
import type { AgreementMeasure, AgreementReport } from '../../../annotations/agreement/report';
import { MEASURE_NAMES } from '../../../annotations/agreement/report-tables';
import type { Label } from '../../../annotations/model';
import { barDomain, barExtent, trackPosition } from '../../../annotations/review/agreement-scale';
import { undefinedSummaryReason } from './measure-words';
import { SummaryFigure } from './summary-figure';

interface LabelBarsProps {
  report: AgreementReport;
  measure: AgreementMeasure;
  labels: readonly Label[];
  /** Opens the review of the differences involving a label (click-through). */
  onReview?(labelId: string): void;
}

/** Agreement on each label as a bar from zero, with the spread over pairs as a whisker and the figure written beside it. */
export function LabelBars({ report, measure, labels, onReview }: LabelBarsProps) {
  const byId = new Map(labels.map((l) => [l.id, l]));
  const perLabel = report[measure].perLabel;
  const domain = barDomain(report.labels.map((l) => perLabel[l]?.mean ?? null));
  const reason = undefinedSummaryReason(measure);
  return (
    <figure className="agreement-figure">
      <figcaption className="agreement-figure-title">{MEASURE_NAMES[measure]} by label</figcaption>
      {report.labels.length === 0 ? (
        <p className="muted">No label is used on the compared documents.</p>
      ) : (
        <ul className="label-bars" data-testid="label-bars">
          {report.labels.map((id) => {
            const summary = perLabel[id] ?? { mean: null, sd: null };
            const bar = barExtent(summary.mean, domain);
            const low = summary.mean !== null && summary.sd !== null ? trackPosition(summary.mean - summary.sd, domain) : null;
            const high = summary.mean !== null && summary.sd !== null ? trackPosition(summary.mean + summary.sd, domain) : null;
            const label = byId.get(id);
            const style = { '--bar-color': label?.color ?? 'var(--muted)' } as CSSProperties;
            return (
              <li key={id} className="label-bar" style={style} data-label={id}>
                <span className="label-bar-name">
                  <span className="label-bar-dot" aria-hidden="true" />
                  {onReview ? (
                    <button type="button" className="link-button label-bar-review" title={`Review the differences involving ${label?.name ?? id}`} onClick={() => onReview(id)}>
                      {label?.name ?? id}
                    </button>
                  ) : (
                    (label?.name ?? id)
                  )}
                </span>
                <span className="label-bar-track" aria-hidden="true">
                  {domain[0] < 0 && <span className="label-bar-axis" style={{ left: `${bar?.zero ?? 50}%` }} />}
                  {bar && <span className="label-bar-fill" style={{ left: `${bar.left}%`, width: `${bar.width}%` }} />}
                  {low !== null && high !== null && high > low && <span className="label-bar-whisker" style={{ left: `${low}%`, width: `${high - low}%` }} />}
                </span>
                <span className="label-bar-value">
                  <SummaryFigure summary={summary} reason={reason} spread={report[measure].pairs.length > 1} />
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </figure>
  );
}

