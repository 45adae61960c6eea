import { useId } from 'react';
import { AGREEMENT_MEASURES, type AgreementMeasure, type AgreementReport } from '../../../annotations/agreement/report';
import { MEASURE_NAMES } from '../../../annotations/agreement/report-tables';
import { undefinedSummaryReason } from './measure-words';
import { SummaryFigure } from './summary-figure';

interface MeasureTilesProps {
  report: AgreementReport;
  measure: AgreementMeasure;
  onChange(measure: AgreementMeasure): void;
}

/** The overall figure of every measure, each a choice: the chosen one is drawn below. */
export function MeasureTiles({ report, measure, onChange }: MeasureTilesProps) {
  const name = useId();
  return (
    <fieldset className="measure-tiles">
      <legend className="visually-hidden">Measure</legend>
      {AGREEMENT_MEASURES.map((m) => (
        <label key={m} className={`measure-tile${m === measure ? ' chosen' : ''}`} data-measure={m}>
          <input type="radio" name={name} value={m} checked={m === measure} onChange={() => onChange(m)} />
          <span className="measure-tile-name">{MEASURE_NAMES[m]}</span>
          <span className="measure-tile-value" data-testid={`overall-${m}`}>
            <SummaryFigure summary={report[m].total} reason={undefinedSummaryReason(m)} spread={report[m].pairs.length > 1} />
          </span>
        </label>
      ))}
    </fieldset>
  );
}
