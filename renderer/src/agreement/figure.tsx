import { formatFigure } from '../../../annotations/agreement/report-tables';

/** One agreement figure to three decimals, or "n/a" with a tooltip saying why there is none. */
export function Figure({ value, reason }: { value: number | null; reason: string }) {
  if (value === null) {
    return (
      <abbr className="figure-na" title={reason}>
        n/a
      </abbr>
    );
  }
  return <span className="figure">{formatFigure(value)}</span>;
}
