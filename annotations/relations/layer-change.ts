/**
 * Applying an `AnnotationChange` to a whole layer, relations included:
 * deleting a span takes its relations with it in the same change, so one undo
 * brings both back.
 */
import { applyChange } from '../annotation';
import type { AnnotationChange, AnnotationLayer, Relation } from '../model';
import { fail, ok, type Result } from '../result';
import { appendAll } from '../append-all';

/**
 * `change` completed with the relations it must also remove: those of the
 * layer with an end among the spans the change deletes (removed and not added
 * back under the same id, as an edit is). Relations already listed are not
 * listed twice. Returns `change` itself when there is nothing to add.
 */
export function withRelationsOfRemovedSpans(layer: Pick<AnnotationLayer, 'relations'>, change: AnnotationChange): AnnotationChange {
  const relations = layer.relations ?? [];
  if (relations.length === 0 || change.removed.length === 0) return change;
  const readded = new Set(change.added.map((a) => a.id));
  const gone = new Set(change.removed.filter((a) => !readded.has(a.id)).map((a) => a.id));
  if (gone.size === 0) return change;
  const listed = new Set((change.removedRelations ?? []).map((r) => r.id));
  const readdedRelations = new Set((change.addedRelations ?? []).map((r) => r.id));
  const extra = relations.filter((r) => !listed.has(r.id) && !readdedRelations.has(r.id) && (gone.has(r.sourceId) || gone.has(r.targetId)));
  if (extra.length === 0) return change;
  return { ...change, removedRelations: [...(change.removedRelations ?? []), ...extra] };
}

/**
 * Applies a change to a layer: annotations as `applyChange` does, then its
 * relations (remove by id, then add). Fails, changing nothing, if a removed
 * annotation or relation is absent, an added id already exists, an added
 * relation's end is not in the layer afterwards, or a span is deleted while a
 * relation still points at it (complete the change with
 * `withRelationsOfRemovedSpans` first). A layer left with no relations has
 * no `relations` field.
 */
export function applyLayerChange(layer: AnnotationLayer, change: AnnotationChange): Result<AnnotationLayer> {
  const annotations = applyChange(layer.annotations, change);
  if (!annotations.ok) return annotations;
  const removedRelations = change.removedRelations ?? [];
  const addedRelations = change.addedRelations ?? [];
  let relations: Relation[] = layer.relations ? [...layer.relations] : [];
  if (removedRelations.length > 0) {
    const byId = new Map(relations.map((r) => [r.id, r]));
    for (const r of removedRelations) if (!byId.delete(r.id)) return fail('not-found', `relation ${r.id} is not in this layer`);
    relations = [...byId.values()];
  }
  if (addedRelations.length > 0) {
    const ids = new Set(relations.map((r) => r.id));
    const ends = new Set<string>();
    for (const r of addedRelations) {
      if (ids.has(r.id)) return fail('conflict', `relation ${r.id} already exists in this layer`);
      ids.add(r.id);
      ends.add(r.sourceId).add(r.targetId);
    }
    for (const a of annotations.value) ends.delete(a.id);
    const missing = addedRelations.find((r) => ends.has(r.sourceId) || ends.has(r.targetId));
    if (missing) return fail('not-found', `relation ${missing.id} links a span that is not in this layer (${ends.has(missing.sourceId) ? missing.sourceId : missing.targetId})`);
    appendAll(relations, addedRelations);
  }
  if (change.removed.length > 0 && relations.length > 0) {
    const readded = new Set(change.added.map((a) => a.id));
    const gone = new Set(change.removed.filter((a) => !readded.has(a.id)).map((a) => a.id));
    const dangling = relations.find((r) => gone.has(r.sourceId) || gone.has(r.targetId));
    if (dangling) return fail('conflict', `span ${gone.has(dangling.sourceId) ? dangling.sourceId : dangling.targetId} is still linked by relation ${dangling.id}`);
  }
  const next: AnnotationLayer = { ...layer, annotations: annotations.value };
  if (relations.length > 0) next.relations = relations;
  else delete next.relations;
  return ok(next);
}
