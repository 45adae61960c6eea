import type { CSSProperties } from 'react';

/**
 * A sample of how the reader draws a layer in review: the analyst's marks as
 * fills, a colleague's as dashed outlines with an underline, the reconciled
 * layer (when shown) as a solid outline. Shapes, not just colour, tell them apart.
 */
export function LayerSample({ kind, color }: { kind: 'own' | 'colleague' | 'reconciled'; color?: string }) {
  const style = color ? ({ '--sample-color': color } as CSSProperties) : undefined;
  return (
    <span className={`layer-sample layer-sample-${kind}`} style={style} aria-hidden="true">
      Ab
    </span>
  );
}
