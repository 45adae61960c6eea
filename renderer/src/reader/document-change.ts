/**
 * Bringing the open document up to date with a change the store confirmed,
 * without fetching the document again or redrawing every mark.
 *
 * The reader draws a tag or a deletion at once (optimistically), sends it to
 * the store, and when the store answers with the change it made, patches its
 * `DocumentView` with `applyDocumentChange` and settles the marks with
 * `settleMarks`: only the difference between what was drawn early and what
 * the store did is drawn, so a confirmed tag costs no further mark update.
 */
import { applyChange } from '../../../annotations/annotation';
import { applyLayerChange } from '../../../annotations/relations/layer-change';
import type { Annotation } from '../../../annotations/model';
import type { DocumentChange, DocumentView } from '../../../shared/library';
import type { MarkSpan, MarksChange } from './annotation-marks';

/** A change that draws nothing. */
export const NO_MARKS_CHANGE: MarksChange = { remove: [], add: [] };

/**
 * `view` with `change` applied to its layer and its undo state. Null when the
 * change does not fit the view (another document, a missing layer, an
 * annotation it removes that the view does not have): the view is out of step
 * with the store, and the caller should fetch the document again.
 */
export function applyDocumentChange(view: DocumentView, change: DocumentChange): DocumentView | null {
  if (view.document.id !== change.documentId) return null;
  const at = view.layers.findIndex((l) => l.id === change.layerId);
  if (at < 0) return null;
  const layer = view.layers[at]!;
  const relationsChanged = (change.removedRelations?.length ?? 0) > 0 || (change.addedRelations?.length ?? 0) > 0 || (layer.relations?.length ?? 0) > 0;
  const layers = view.layers.slice();
  if (relationsChanged) {
    // A layer with relations is changed whole, so a span's deletion takes its relations with it.
    const applied = applyLayerChange(layer, { removed: change.removed, added: change.added, removedRelations: change.removedRelations ?? [], addedRelations: change.addedRelations ?? [] });
    if (!applied.ok) return null;
    layers[at] = applied.value;
  } else {
    const applied = applyChange(layer.annotations, { removed: change.removed, added: change.added });
    if (!applied.ok) return null;
    layers[at] = { ...layer, annotations: applied.value };
  }
  return { ...view, layers, updatedAt: change.updatedAt, undoLabel: change.undoLabel, redoLabel: change.redoLabel };
}

/** The marks of some annotations of one layer. */
export function marksOf(annotations: readonly Annotation[], layer: string): MarkSpan[] {
  return annotations.map((a) => ({ start: a.start, end: a.end, labelId: a.labelId, layer }));
}

function keyOf(mark: MarkSpan): string {
  return `${mark.start}:${mark.end}:${mark.labelId}\u0000${mark.layer}`;
}

/** Splits `marks` into those found in `drawn` (each found once) and the rest. */
function subtract(marks: readonly MarkSpan[], drawn: readonly MarkSpan[]): { rest: MarkSpan[]; unmatched: MarkSpan[] } {
  const counts = new Map<string, number>();
  for (const m of drawn) counts.set(keyOf(m), (counts.get(keyOf(m)) ?? 0) + 1);
  const rest: MarkSpan[] = [];
  for (const m of marks) {
    const key = keyOf(m);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else rest.push(m);
  }
  const unmatched: MarkSpan[] = [];
  for (const m of drawn) {
    const key = keyOf(m);
    const n = counts.get(key) ?? 0;
    if (n > 0) {
      counts.set(key, n - 1);
      unmatched.push(m);
    }
  }
  return { rest, unmatched };
}

/**
 * What is left to draw for a confirmed change (`confirmed`, as marks) when
 * `early` was drawn before the store answered: the confirmed marks not drawn
 * yet, and the early ones the store did not make taken back.
 */
export function settleMarks(confirmed: MarksChange, early: MarksChange): MarksChange {
  const added = subtract(confirmed.add, early.add);
  const removed = subtract(confirmed.remove, early.remove);
  return { add: [...added.rest, ...removed.unmatched], remove: [...removed.rest, ...added.unmatched] };
}

/** The change that takes `change` back. */
export function revertMarks(change: MarksChange): MarksChange {
  return { add: change.remove, remove: change.add };
}
