import { useState } from 'react';
import type { ApiInput } from '../../../shared/api';
import { useBusyCall } from '../ui/use-busy-call';

type ReportFormat = ApiInput<'exportAgreementToDialog'>['format'];

const FORMATS: ReadonlyArray<{ value: ReportFormat; name: string }> = [
  { value: 'markdown', name: 'Markdown' },
  { value: 'csv', name: 'CSV' },
  { value: 'json', name: 'JSON' },
];

interface AgreementExportButtonsProps {
  layerIds: readonly string[];
  documentIds: readonly string[] | undefined;
  /** Whether the report compares documents an annotator has not started. */
  includeUnstarted: boolean;
  disabled: boolean;
}

/** Saves the report shown, as Markdown, CSV or JSON; says where it went or why it did not. */
export function AgreementExportButtons({ layerIds, documentIds, includeUnstarted, disabled }: AgreementExportButtonsProps) {
  const { busy, whileBusy } = useBusyCall();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const save = async (format: ReportFormat) => {
    setMessage(null);
    const result = await whileBusy(() => window.parley.api.exportAgreementToDialog({ layerIds: [...layerIds], format, includeUnstarted, ...(documentIds ? { documentIds: [...documentIds] } : {}) }));
    if (!result.ok) setMessage({ tone: 'error', text: `The report was not saved: ${result.error.message}` });
    else if (result.value) setMessage({ tone: 'ok', text: `Report saved to ${result.value.path}` });
  };
  return (
    <div className="agreement-export">
      <div className="agreement-export-buttons" role="group" aria-label="Export the report">
        <span className="muted">Export report:</span>
        {FORMATS.map((f) => (
          <button key={f.value} type="button" className="btn btn-secondary btn-small" disabled={disabled || busy} onClick={() => void save(f.value)}>
            {f.name}
          </button>
        ))}
      </div>
      <p className={`agreement-export-message${message?.tone === 'error' ? ' error' : ''}`} role="status" data-testid="agreement-export-message">
        {message?.text}
      </p>
    </div>
  );
}
