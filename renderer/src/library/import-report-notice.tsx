import type { ImportReport } from '../../../shared/api';
import { formatProblem } from '../ui/format-problem';
import { ReportSection } from '../ui/report-section';
import { Banner } from '../ui/banner';
import { plural } from '../../../annotations/text/plural';

interface ImportReportNoticeProps {
  report: ImportReport;
  onDismiss: () => void;
}


/** What an import did: every document added, every duplicate and every problem, by name. */
export function ImportReportNotice({ report, onDismiss }: ImportReportNoticeProps) {
  const { added, duplicates, problems } = report;
  const tone = problems.length > 0 ? 'warning' : added.length > 0 ? 'success' : 'info';
  const parts = [plural(added.length, 'document added', 'documents added')];
  if (duplicates.length > 0) parts.push(plural(duplicates.length, 'already in the library', 'already in the library'));
  if (problems.length > 0) parts.push(plural(problems.length, 'problem', 'problems'));
  return (
    <Banner tone={tone} title={`Import: ${parts.join(', ')}`} onDismiss={onDismiss} dismissLabel="Dismiss import report">
      <div className="import-report" data-testid="import-report">
        <ReportSection heading="Added" items={added}>
          {(doc) => doc.title}
        </ReportSection>
        <ReportSection heading="Not added: the same text is already in the library" items={duplicates}>
          {(dup) => dup.name}
        </ReportSection>
        <ReportSection heading="Problems" items={problems}>
          {formatProblem}
        </ReportSection>
      </div>
    </Banner>
  );
}
