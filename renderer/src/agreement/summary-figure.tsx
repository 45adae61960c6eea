import type { AgreementSummary } from '../../../annotations/agreement/summary';
import { formatFigure } from '../../../annotations/agreement/report-tables';
import { Figure } from './figure';

/**
 * A mean over pairs with its standard deviation ("0.612 ± 0.034"); the mean
 * alone where there is no spread: alpha, or a single pair of layers (`spread`
 * false), whose deviation is always zero.
 */
export function SummaryFigure({ summary, reason, spread = true }: { summary: AgreementSummary; reason: string; spread?: boolean }) {
  if (summary.mean === null || summary.sd === null || !spread) return <Figure value={summary.mean} reason={reason} />;
  return (
    <span className="figure">
      {formatFigure(summary.mean)} <span className="figure-sd">± {formatFigure(summary.sd)}</span>
    </span>
  );
}
