import { PointerMenu } from '../ui/pointer-menu';
import type { MarkLabel } from './annotation-marks';
import { LabelSwatch } from './label-swatch';

/** One annotation offered by the chooser. */
export interface ChooserEntry {
  id: string;
  label: MarkLabel;
  quote: string;
}

interface OverlapChooserProps {
  /** Viewport coordinates of the click. */
  x: number;
  y: number;
  entries: readonly ChooserEntry[];
  onChoose(id: string): void;
  onClose(): void;
}

/** A small menu at the pointer listing the annotations under a click, innermost first. */
export function OverlapChooser({ x, y, entries, onChoose, onClose }: OverlapChooserProps) {
  return (
    <PointerMenu x={x} y={y} itemCount={entries.length} label="Choose an annotation" title={`${entries.length} annotations here`} onClose={onClose}>
      {entries.map((entry) => (
        <button key={entry.id} type="button" role="menuitem" data-annotation-id={entry.id} onClick={() => onChoose(entry.id)}>
          <LabelSwatch label={entry.label} />
          <strong>{entry.label.name}</strong>
          <span className="parley-chooser-quote">{entry.quote}</span>
        </button>
      ))}
    </PointerMenu>
  );
}
