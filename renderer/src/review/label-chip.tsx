import type { CSSProperties } from 'react';
import type { Label } from '../../../annotations/model';

/** A label's name with a dot of its colour; an unknown id is shown as it is, in grey. */
export function LabelChip({ labelId, labels }: { labelId: string; labels: ReadonlyMap<string, Label> }) {
  const label = labels.get(labelId);
  const style = { '--chip-color': label?.color ?? '#6b7280' } as CSSProperties;
  return (
    <span className="label-chip" style={style}>
      <span className="label-chip-dot" aria-hidden="true" />
      {label?.name ?? labelId}
    </span>
  );
}
