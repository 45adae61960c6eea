import type { Label } from '../../../annotations/model';
import type { MarkLabel } from './annotation-marks';
import { LabelSwatch } from './label-swatch';
import type { SnapMode } from './selection-snap';

interface LabelPaletteProps {
  labels: readonly Label[];
  appearance: ReadonlyMap<string, MarkLabel>;
  snapMode: SnapMode;
  onSnapModeChange(mode: SnapMode): void;
  onTag(labelId: string): void;
}

/**
 * The labels, each a button that tags the current text selection, and the
 * switch between snapping to words and exact characters. Buttons keep focus
 * in the text (mouse down is not allowed to move it) so the selection stays.
 */
export function LabelPalette({ labels, appearance, snapMode, onSnapModeChange, onTag }: LabelPaletteProps) {
  return (
    <div className="parley-palette" role="toolbar" aria-label="Labels">
      {labels.map((label) => (
        <button
          key={label.id}
          type="button"
          className="parley-palette-label"
          data-label={label.id}
          title={label.description || label.name}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onTag(label.id)}
        >
          <LabelSwatch label={appearance.get(label.id) ?? { name: label.name, color: label.color, underline: 'solid' }} />
          <span>{label.name}</span>
          {label.shortcut && <kbd>{label.shortcut}</kbd>}
        </button>
      ))}
      <label className="parley-snap-toggle" title="When on, a selection is widened to whole words and trimmed of spaces and punctuation">
        <input type="checkbox" checked={snapMode === 'exact'} onChange={(event) => onSnapModeChange(event.target.checked ? 'exact' : 'words')} />
        Exact characters
      </label>
    </div>
  );
}
