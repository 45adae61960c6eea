import { AnnotatedImportNotice } from '../library/annotated-import-notice';
import { ImportReportNotice } from '../library/import-report-notice';
import { LayerImportReportNotice } from '../review/layer-import-report-notice';
import { Banner } from '../ui/banner';
import { ExportResultNotice } from './export-result-notice';
import type { Notice } from './notice';

interface NoticeListProps {
  notices: Notice[];
  onDismiss: (id: number) => void;
}

/** Reports, results and errors, newest first, each until the analyst dismisses it. */
export function NoticeList({ notices, onDismiss }: NoticeListProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notice-list">
      {[...notices].reverse().map((notice) => {
        const dismiss = () => onDismiss(notice.id);
        switch (notice.kind) {
          case 'import':
            return <ImportReportNotice key={notice.id} report={notice.report} onDismiss={dismiss} />;
          case 'annotated-import':
            return <AnnotatedImportNotice key={notice.id} report={notice.report} onDismiss={dismiss} />;
          case 'layer-import':
            return <LayerImportReportNotice key={notice.id} report={notice.report} onDismiss={dismiss} />;
          case 'export':
            return <ExportResultNotice key={notice.id} path={notice.path} warnings={notice.warnings} onDismiss={dismiss} />;
          case 'info':
            return (
              <Banner key={notice.id} tone="success" title={notice.title} onDismiss={dismiss}>
                <p>{notice.message}</p>
              </Banner>
            );
          case 'error':
            return (
              <Banner key={notice.id} tone="danger" title={notice.title} onDismiss={dismiss}>
                <p>{notice.message}</p>
                {notice.problems.length > 0 && (
                  <ul>
                    {notice.problems.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                )}
              </Banner>
            );
        }
      })}
    </div>
  );
}
