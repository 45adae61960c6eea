import { useCallback, useState } from 'react';
import { OWN_LAYER_ID, type AnnotationLayer } from '../../../annotations/model';

/** Which layers the reader draws outside review, and the switches for them. */
export interface ShownLayers {
  shown: ReadonlySet<string>;
  toggle(layerId: string): void;
  /** Shows layers just loaded, so that loading a colleague's file visibly changes the reader. */
  show(layerIds: Iterable<string>): void;
  /** The layers of a document to draw beside the analyst's own. */
  overlayOf(layers: readonly AnnotationLayer[]): AnnotationLayer[];
}

/** Your own layer is shown at first; the others when loaded or ticked. */
export function useShownLayers(): ShownLayers {
  const [shown, setShown] = useState<ReadonlySet<string>>(() => new Set([OWN_LAYER_ID]));
  const toggle = useCallback((layerId: string) => {
    setShown((old) => {
      const next = new Set(old);
      if (!next.delete(layerId)) next.add(layerId);
      return next;
    });
  }, []);
  const show = useCallback((layerIds: Iterable<string>) => {
    setShown((old) => new Set([...old, ...layerIds]));
  }, []);
  const overlayOf = useCallback((layers: readonly AnnotationLayer[]) => layers.filter((l) => l.id !== OWN_LAYER_ID && shown.has(l.id)), [shown]);
  return { shown, toggle, show, overlayOf };
}
