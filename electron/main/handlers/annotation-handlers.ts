/**
 * Tagging: add, edit and delete annotations, undo and redo. Each is one store
 * operation (`ParleyStore.editLayer`, `undo`, `redo`) that builds the change
 * from the layer as it is in the document's queue and answers with the change
 * and the document's new library row, so the window needs no second call.
 */
import { createAnnotation } from '../../../annotations/annotation';
import { linkKnownNames } from '../../../annotations/entities/entity-names';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID, type Annotation } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';
import { applyAttributeValues } from './attribute-values';

type AnnotationMethods = 'addAnnotations' | 'updateAnnotation' | 'deleteAnnotations' | 'undo' | 'redo';

const EDITABLE_LAYERS = new Set([OWN_LAYER_ID, RECONCILED_LAYER_ID]);

function editableLayer(layerId: string | undefined): Result<string> {
  const id = layerId ?? OWN_LAYER_ID;
  return EDITABLE_LAYERS.has(id) ? ok(id) : fail('forbidden', `layer ${id} belongs to a colleague and cannot be edited; review it instead`);
}

/** Handlers that change annotations in the own or reconciled layer. */
export function createAnnotationHandlers({ store, settings, now }: HandlerContext): Pick<ApiHandlers, AnnotationMethods> {
  return {
    async addAnnotations({ documentId, layerId, spans, historyLabel }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      const author = settings.author();
      const stamp = now();
      return store.editLayer(documentId, layer.value, ({ text, labelIds, entities }) => {
        const added: Annotation[] = [];
        for (const [i, span] of spans.entries()) {
          if (!labelIds.has(span.labelId)) return fail('invalid-input', `span ${i}: there is no label "${span.labelId}"`);
          const created = createAnnotation(text, { documentId, start: span.start, end: span.end, labelId: span.labelId, author, now: stamp, note: span.note });
          if (!created.ok) return fail(created.error.code, `span ${i}: ${created.error.message}`);
          added.push(created.value);
        }
        const label = historyLabel ?? (added.length === 1 ? `Tag “${oneLine(added[0]!.quote.exact, 30)}”` : `Tag ${added.length} spans`);
        // A span whose text is a known name of an entity of its kind is linked to it in the same change, so one undo takes both back.
        return ok({ change: { removed: [], added: [...linkKnownNames(added, entities)] }, label });
      });
    },

    async updateAnnotation({ documentId, layerId, annotationId, labelId, note, attributes, entityId }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      const stamp = now();
      // Read only when needed: a tag's edit stays one store call.
      const schema = attributes !== undefined ? store.getLabels() : null;
      if (entityId && !store.listEntities().some((e) => e.id === entityId)) return fail('not-found', `there is no entity ${entityId}`);
      return store.editLayer(documentId, layer.value, ({ annotations, labelIds }) => {
        const before = annotations.find((a) => a.id === annotationId);
        if (!before) return fail('not-found', `annotation ${annotationId} is not in this document`);
        if (labelId !== undefined && !labelIds.has(labelId)) return fail('invalid-input', `there is no label "${labelId}"`);
        const after: Annotation = { ...before, updatedAt: stamp };
        if (labelId !== undefined) after.labelId = labelId;
        if (note === null || note === '') delete after.note;
        else if (note !== undefined) after.note = note;
        if (attributes !== undefined && schema) {
          const values = applyAttributeValues(schema, after.labelId, before.attributes, attributes);
          if (!values.ok) return values;
          if (Object.keys(values.value).length > 0) after.attributes = values.value;
          else delete after.attributes;
        }
        if (entityId === null) delete after.entityId;
        else if (entityId !== undefined) after.entityId = entityId;
        const what =
          labelId !== undefined && labelId !== before.labelId ? 'Change label of' : attributes !== undefined ? 'Set attributes of' : entityId !== undefined ? 'Link to an entity' : 'Edit note on';
        return ok({ change: { removed: [before], added: [after] }, label: `${what} “${oneLine(before.quote.exact, 30)}”` });
      });
    },

    async deleteAnnotations({ documentId, layerId, annotationIds }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      return store.editLayer(documentId, layer.value, ({ annotations }) => {
        const wanted = new Set(annotationIds);
        const byId = new Map<string, Annotation>();
        for (const a of annotations) if (wanted.has(a.id)) byId.set(a.id, a);
        const removed: Annotation[] = [];
        for (const id of wanted) {
          const found = byId.get(id);
          if (!found) return fail('not-found', `annotation ${id} is not in this document`);
          removed.push(found);
        }
        const label = removed.length === 1 ? `Delete “${oneLine(removed[0]!.quote.exact, 30)}”` : `Delete ${removed.length} annotations`;
        return ok({ change: { removed, added: [] }, label });
      });
    },

    async undo({ documentId }) {
      return store.undo(documentId);
    },

    async redo({ documentId }) {
      return store.redo(documentId);
    },
  };
}
