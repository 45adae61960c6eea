import type { CSSProperties } from 'react';
import type { AgreementMeasure, AgreementReport } from '../../../annotations/agreement/report';
import { formatFigure, MEASURE_NAMES } from '../../../annotations/agreement/report-tables';
import { agreementShade } from '../../../annotations/review/agreement-scale';
import { Figure } from './figure';
import { undefinedReason } from './measure-words';

/** The strongest mix of the tone colour into a cell, for a figure of 1 (or −1). */
const MAX_MIX = 72;

function cellStyle(value: number | null): CSSProperties | undefined {
  const shade = agreementShade(value);
  if (shade.tone === 'undefined') return undefined;
  const mix = Math.round(6 + shade.strength * (MAX_MIX - 6));
  return { '--heat-tone': shade.tone === 'agree' ? 'var(--accent)' : 'var(--danger)', '--heat-mix': `${mix}%` } as CSSProperties;
}

/**
 * Pairwise agreement as a matrix of layers: each cell is shaded by its figure
 * and shows the figure itself, so the colour is never the only signal.
 */
export function AgreementHeatmap({ report, measure, onReview }: { report: AgreementReport; measure: AgreementMeasure; onReview?(a: string, b: string): void }) {
  const { annotators } = report;
  const pairs = report[measure].pairs;
  const figure = (a: string, b: string) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.total ?? null;
  const reason = undefinedReason(measure);
  return (
    <figure className="agreement-figure">
      <figcaption className="agreement-figure-title">{MEASURE_NAMES[measure]} by pair of layers</figcaption>
      <table className="heatmap" data-testid="agreement-heatmap">
        <thead>
          <tr>
            <td />
            {annotators.map((b) => (
              <th key={b} scope="col">
                {b}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {annotators.map((a) => (
            <tr key={a}>
              <th scope="row">{a}</th>
              {annotators.map((b) => {
                if (a === b) {
                  return (
                    <td key={b} className="heatmap-self" title="The same layer">
                      —
                    </td>
                  );
                }
                const value = figure(a, b);
                const strong = agreementShade(value).strength > 0.55;
                return (
                  <td
                    key={b}
                    className={`heatmap-cell${value === null ? ' heatmap-undefined' : ''}${strong ? ' heatmap-strong' : ''}`}
                    style={cellStyle(value)}
                    title={value === null ? `${a} and ${b}: ${reason}` : `${a} and ${b}: ${formatFigure(value)}`}
                    data-pair={`${a}|${b}`}
                  >
                    {onReview ? (
                      <button type="button" className="heatmap-review" title={`Review the differences between ${a} and ${b}`} onClick={() => onReview(a, b)}>
                        <Figure value={value} reason={reason} />
                      </button>
                    ) : (
                      <Figure value={value} reason={reason} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heatmap-legend" aria-hidden="true">
        <span>0</span>
        <span className="heatmap-legend-ramp" />
        <span>1</span>
        {(measure === 'kappa' || measure === 'alpha') && (
          <>
            <span className="heatmap-legend-below" />
            <span>below chance</span>
          </>
        )}
      </div>
    </figure>
  );
}
