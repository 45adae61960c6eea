import { useId } from 'react';
import { FORMAT_NAMES, FORMAT_TITLES, type FormatName } from '../../../annotations/formats/format-table';

/** The value of the "Detect from the file" choice, offered where the files are read (`detect`). */
export const DETECT_FORMAT = 'detect';

type FormatSelectProps =
  | { value: FormatName; onChange: (format: FormatName) => void; detect?: false }
  | { value: FormatName | typeof DETECT_FORMAT; onChange: (format: FormatName | typeof DETECT_FORMAT) => void; detect: true };

/** A labelled "Format" drop-down listing every interchange format by its name for people; with `detect`, first a choice to detect it from the file. */
export function FormatSelect(props: FormatSelectProps) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">Format</span>
      <select id={id} value={props.value} onChange={(e) => (props.onChange as (format: string) => void)(e.target.value)}>
        {props.detect && <option value={DETECT_FORMAT}>Detect from the file</option>}
        {FORMAT_NAMES.map((name) => (
          <option key={name} value={name}>
            {FORMAT_TITLES[name]}
          </option>
        ))}
      </select>
    </label>
  );
}
