import { AGREEMENT_MEASURES, type AgreementMeasure, type AgreementReport } from '../../../annotations/agreement/report';
import { MEASURE_NAMES } from '../../../annotations/agreement/report-tables';
import { NOT_COMPARED, undefinedSummaryReason } from './measure-words';
import { SummaryFigure } from './summary-figure';

interface DocumentAgreementTableProps {
  report: AgreementReport;
  measure: AgreementMeasure;
  /** Opens the review of one document's differences (report document key), when the comparison is one a review can show. */
  onReview?(documentKey: string): void;
}

/**
 * Every measure for every document; the chosen measure's column stands out.
 * Documents only one layer holds say so. With `onReview`, each compared
 * document's title opens the review of its differences.
 */
export function DocumentAgreementTable({ report, measure, onReview }: DocumentAgreementTableProps) {
  return (
    <div className="agreement-table-wrap">
      <table className="agreement-table" data-testid="document-agreement">
        <caption className="agreement-figure-title">By document</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col" className="numeric">
              Layers
            </th>
            <th scope="col" className="numeric">
              Tokens
            </th>
            {AGREEMENT_MEASURES.map((m) => (
              <th key={m} scope="col" className={`numeric${m === measure ? ' chosen' : ''}`}>
                {MEASURE_NAMES[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.documents.map((d) => {
            const compared = d.annotators.length >= 2;
            return (
              <tr key={d.id} data-document={d.id}>
                <th scope="row" className="agreement-table-title">
                  {onReview && compared ? (
                    <button type="button" className="link-button agreement-review-document" title="Review the differences on this document" onClick={() => onReview(d.id)}>
                      {d.title}
                    </button>
                  ) : (
                    d.title
                  )}
                </th>
                <td className="numeric" title={d.annotators.join(', ')}>
                  {d.annotators.length}
                </td>
                <td className="numeric">{d.tokens}</td>
                {compared ? (
                  AGREEMENT_MEASURES.map((m) => (
                    <td key={m} className={`numeric${m === measure ? ' chosen' : ''}`} data-measure={m}>
                      <SummaryFigure summary={report[m].perDocument[d.id] ?? { mean: null, sd: null }} reason={undefinedSummaryReason(m)} spread={d.annotators.length > 2} />
                    </td>
                  ))
                ) : (
                  <td colSpan={AGREEMENT_MEASURES.length} className="agreement-not-compared">
                    <abbr title={NOT_COMPARED}>not compared</abbr>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
