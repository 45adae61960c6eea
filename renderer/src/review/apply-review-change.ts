/**
 * Bringing the open document up to date with a review step the store
 * confirmed (`ReviewChange`), without fetching the document again: the
 * reconciled layer gets the change (its links too), the decisions and the
 * undo state are replaced by the store's.
 */
import type { AnnotationLayer } from '../../../annotations/model';
import { applyLayerChange } from '../../../annotations/relations/layer-change';
import type { DocumentView, ReviewChange } from '../../../shared/library';

/**
 * `view` after `change`. The reconciled layer is added (at the end, as the
 * store adds it) when this is the document's first decision, with the
 * decider's name as its author, as the store does. Null when the change does
 * not fit the view (another document, an annotation to remove that the view
 * lacks): the view is out of step, and the caller should fetch the document.
 */
export function applyReviewChange(view: DocumentView, change: ReviewChange): DocumentView | null {
  if (view.document.id !== change.documentId) return null;
  const at = view.layers.findIndex((l) => l.id === change.layerId);
  const layer: AnnotationLayer = at >= 0 ? view.layers[at]! : { id: change.layerId, kind: 'reconciled', author: change.decisions[0]?.decidedBy ?? '', annotations: [] };
  const applied = applyLayerChange(layer, {
    removed: change.removed,
    added: change.added,
    ...(change.removedRelations ? { removedRelations: change.removedRelations } : {}),
    ...(change.addedRelations ? { addedRelations: change.addedRelations } : {}),
  });
  if (!applied.ok) return null;
  const next = applied.value;
  const layers = at >= 0 ? view.layers.map((l, i) => (i === at ? next : l)) : [...view.layers, next];
  return {
    ...view,
    layers,
    decisions: change.decisions,
    updatedAt: change.updatedAt,
    undoLabel: change.undoLabel,
    redoLabel: change.redoLabel,
    reviewUndoLabel: change.reviewUndoLabel ?? null,
    reviewRedoLabel: change.reviewRedoLabel ?? null,
  };
}

/** Whether a review call answered with a whole view (a refetch) rather than a change. */
export function isDocumentView(value: DocumentView | ReviewChange): value is DocumentView {
  return 'document' in value;
}
