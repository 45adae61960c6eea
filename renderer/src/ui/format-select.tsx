import { useId } from 'react';
import { FORMAT_NAMES, FORMAT_TITLES } from '../../../annotations/formats/index';
import type { FormatName } from '../../../annotations/formats/format';

interface FormatSelectProps {
  value: FormatName;
  onChange: (format: FormatName) => void;
}

/** A labelled "Format" drop-down listing every interchange format by its name for people. */
export function FormatSelect({ value, onChange }: FormatSelectProps) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">Format</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as FormatName)}>
        {FORMAT_NAMES.map((name) => (
          <option key={name} value={name}>
            {FORMAT_TITLES[name]}
          </option>
        ))}
      </select>
    </label>
  );
}
