import type { CSSProperties } from 'react';
import type { OutlineStyle } from '../reader/layer-outlines';

/**
 * A sample of how the reader draws a layer in review: the analyst's marks as
 * fills, a colleague's as dashed outlines with an underline, the reconciled
 * layer (when shown) as a solid outline. Shapes, not just colour, tell them apart.
 */
export function LayerSample({ kind, color, outline }: { kind: 'own' | 'colleague' | 'reconciled'; color?: string; outline?: OutlineStyle }) {
  // With several colleagues each has the outline style the reader gives its marks.
  const style = color || outline ? ({ ...(color ? { '--sample-color': color } : {}), ...(outline ? { outlineStyle: outline, outlineWidth: outline === 'double' ? '3px' : undefined } : {}) } as CSSProperties) : undefined;
  return (
    <span className={`layer-sample layer-sample-${kind}`} style={style} aria-hidden="true">
      Ab
    </span>
  );
}
