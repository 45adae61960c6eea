/** One option of a filter: the value kept in the filter, and the name shown. */
export type FilterOption = readonly [value: string, name: string];

interface FilterSelectProps {
  label: string;
  /** The chosen value; empty or absent = "Any". */
  value: string | undefined;
  options: readonly FilterOption[];
  /** Called with the chosen value, or undefined for "Any". */
  onChange(value: string | undefined): void;
}

/** A labelled drop-down of a filter form whose first choice, "Any", filters nothing. */
export function FilterSelect({ label, value, options, onChange }: FilterSelectProps) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">Any</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
