import { similarityPercent } from '../../../annotations/import/similarity-percent';
import type { LayerImportReport } from '../../../shared/api';
import { formatProblem } from '../ui/format-problem';
import { ReportSection } from '../ui/report-section';
import { Banner } from '../ui/banner';
import { plural } from '../../../annotations/text/plural';

interface LayerImportReportNoticeProps {
  report: LayerImportReport;
  onDismiss(): void;
}

const MATCHED_BY = { checksum: 'same text', id: 'same document, text edited', 'similar-text': 'nearly the same text' } as const;

/** What loading a colleague's file did: the layers it added, and every document and annotation it could not place. */
export function LayerImportReportNotice({ report, onDismiss }: LayerImportReportNoticeProps) {
  const { layers, unmatched, orphans, labelsAdded, warnings } = report;
  const authors = [...new Set(layers.map((l) => l.author))];
  const total = layers.reduce((sum, l) => sum + l.count, 0);
  const documents = new Set(layers.map((l) => l.documentId)).size;
  const trouble = unmatched.length > 0 || orphans.length > 0 || warnings.length > 0;
  const title =
    layers.length === 0
      ? 'Nothing was loaded: no document in the file matches one in the library'
      : `Loaded ${authors.join(', ')}: ${plural(total, 'annotation', 'annotations')} on ${plural(documents, 'document', 'documents')}`;
  return (
    <Banner tone={layers.length === 0 ? 'warning' : trouble ? 'warning' : 'success'} title={title} onDismiss={onDismiss} dismissLabel="Dismiss the report">
      <div className="import-report layer-import-report" data-testid="layer-import-report">
        <ReportSection heading="Layers added" items={layers}>
          {(l) => (
            <>
              {l.title}: {l.author}, {plural(l.count, 'annotation', 'annotations')}{' '}
              <span className="muted">({MATCHED_BY[l.matchedBy]}{l.similarity === undefined ? '' : `, ${similarityPercent(l.similarity)} alike`})</span>
            </>
          )}
        </ReportSection>
        <ReportSection heading="Documents not in the library" items={unmatched}>
          {(u) => `${u.title}: ${plural(u.annotations, 'annotation', 'annotations')} not loaded${u.similarTo ? ` (looks like an edited version of ${u.similarTo.title}, ${similarityPercent(u.similarTo.similarity)}: too different to place)` : ''}`}
        </ReportSection>
        <ReportSection heading="Annotations that could not be placed" items={orphans}>
          {(o) => `“${o.quote}” (${o.labelId}, ${o.author}) in ${o.title}: ${o.reason}`}
        </ReportSection>
        {labelsAdded.length > 0 && (
          <p>
            New {labelsAdded.length === 1 ? 'label' : 'labels'} added to the schema: {labelsAdded.join(', ')}.
          </p>
        )}
        <ReportSection heading="Warnings" items={warnings}>
          {formatProblem}
        </ReportSection>
      </div>
    </Banner>
  );
}
