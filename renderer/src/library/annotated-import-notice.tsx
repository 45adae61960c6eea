import { similarityPercent } from '../../../annotations/import/similarity-percent';
import type { AnnotatedImportReport } from '../../../shared/api';
import { formatProblem } from '../ui/format-problem';
import { ReportSection } from '../ui/report-section';
import { Banner } from '../ui/banner';
import { plural } from '../../../annotations/text/plural';

interface AnnotatedImportNoticeProps {
  report: AnnotatedImportReport;
  onDismiss: () => void;
}


const MATCHED_BY = { checksum: 'same text', id: 'same document, text edited', confirmed: 'you confirmed it is an edited version' } as const;

/** What importing annotated files did: documents added, annotations merged, and every orphan by quote. */
export function AnnotatedImportNotice({ report, onDismiss }: AnnotatedImportNoticeProps) {
  const { added, merged, orphans, duplicatesSkipped, labelsAdded, warnings, importedAsNew, repeatedTexts } = report;
  const mergedCount = merged.reduce((n, m) => n + m.count, 0);
  const parts = [plural(added.length, 'document') + ' added', plural(mergedCount, 'annotation') + ' merged'];
  if (orphans.length > 0) parts.push(plural(orphans.length, 'orphan'));
  const tone = orphans.length > 0 || warnings.length > 0 ? 'warning' : 'success';
  return (
    <Banner tone={tone} title={`Import: ${parts.join(', ')}`} onDismiss={onDismiss} dismissLabel="Dismiss import report">
      <div className="import-report" data-testid="annotated-import-report">
        <ReportSection heading="Added with their annotations" items={added}>
          {(doc) => `${doc.title} (${plural(doc.annotationCount, 'annotation')})`}
        </ReportSection>
        <ReportSection heading="Merged into documents already here" items={merged}>
          {(m) => `${m.title}: ${plural(m.count, 'annotation')} (${MATCHED_BY[m.matchedBy]}${m.similarity === undefined ? '' : `, ${similarityPercent(m.similarity)} alike`})`}
        </ReportSection>
        <ReportSection heading="Added as new although they look like an edited version of a document here" items={importedAsNew}>
          {(n) => `${n.title}: looks like an edited version of ${n.similarTo.title} (${similarityPercent(n.similarity)})`}
        </ReportSection>
        <ReportSection heading="The same text more than once in the file (imported once)" items={repeatedTexts}>
          {(r) => `${r.title}: ${r.copies} copies, the annotations of all of them${r.annotationsKeptOnce > 0 ? `, ${plural(r.annotationsKeptOnce, 'repeated annotation')} kept once` : ''}`}
        </ReportSection>
        {duplicatesSkipped > 0 && <p className="muted">{plural(duplicatesSkipped, 'annotation')} already here (same span and label), not added twice.</p>}
        {labelsAdded.length > 0 && <p className="muted">New labels added to the schema: {labelsAdded.join(', ')}.</p>}
        <ReportSection heading="Could not be placed in the text (not imported)" items={orphans}>
          {(o) => `${o.title}: “${o.quote}” (${o.labelId}) — ${o.reason}`}
        </ReportSection>
        <ReportSection heading="Notes" items={warnings}>
          {formatProblem}
        </ReportSection>
      </div>
    </Banner>
  );
}
