import type { CSSProperties } from 'react';
import type { MarkLabel } from './annotation-marks';

/** A small sample of how a label's marks look: its colour and its underline style. */
export function LabelSwatch({ label }: { label: MarkLabel }) {
  const style = { '--parley-label': label.color, textDecorationStyle: label.underline } as CSSProperties;
  return (
    <span className="parley-swatch" style={style} aria-hidden="true">
      Ab
    </span>
  );
}
