import { useId } from 'react';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../annotations/model';
import { STATUS_NAMES } from '../library/status-names';

interface StatusPickerProps {
  status: DocumentStatus;
  disabled: boolean;
  onChange: (status: DocumentStatus) => void;
}

/** Where the analyst is with the open document: to do, in progress or done. */
export function StatusPicker({ status, disabled, onChange }: StatusPickerProps) {
  const id = useId();
  return (
    <span className="status-picker">
      <label htmlFor={id} className="visually-hidden">
        Status
      </label>
      <select id={id} className={`status-select status-${status}`} value={status} disabled={disabled} onChange={(e) => onChange(e.target.value as DocumentStatus)}>
        {DOCUMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_NAMES[s]}
          </option>
        ))}
      </select>
    </span>
  );
}
