import type { Problem } from '../../../annotations/result';
import { Banner } from '../ui/banner';
import { formatProblem } from '../ui/format-problem';

interface ExportResultNoticeProps {
  path: string;
  warnings: Problem[];
  onDismiss: () => void;
}

/** Where an export was written, and every warning the format raised. */
export function ExportResultNotice({ path, warnings, onDismiss }: ExportResultNoticeProps) {
  return (
    <Banner
      tone={warnings.length > 0 ? 'warning' : 'success'}
      title={warnings.length > 0 ? `Exported with ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}` : 'Exported'}
      onDismiss={onDismiss}
      dismissLabel="Dismiss export notice"
    >
      <p>
        Written to <code>{path}</code>
      </p>
      {warnings.length > 0 && (
        <ul className="warning-list" data-testid="export-warnings">
          {warnings.map((warning, i) => (
            <li key={i}>{formatProblem(warning)}</li>
          ))}
        </ul>
      )}
    </Banner>
  );
}
