import { useCallback, useEffect, useState } from 'react';
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

const SHOWN_KEY = 'parley.layers.shown';

function readShown(): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? 'null');
    if (Array.isArray(stored) && stored.every((id) => typeof id === 'string')) return new Set(stored as string[]);
  } catch {
    // Unreadable or unavailable storage: start from the default.
  }
  return new Set([OWN_LAYER_ID]);
}

/** Your own layer is shown at first; the others when loaded or ticked. The choice outlives a reload. */
export function useShownLayers(): ShownLayers {
  const [shown, setShown] = useState<ReadonlySet<string>>(readShown);
  useEffect(() => {
    try {
      localStorage.setItem(SHOWN_KEY, JSON.stringify([...shown]));
    } catch {
      // Private storage may be unavailable; the choice then lasts for this session.
    }
  }, [shown]);
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
