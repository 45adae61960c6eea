/**
 * Links between spans (issue 13): add and delete relations in the own or
 * reconciled layer. Each is one store operation (`ParleyStore.editLayer`),
 * checked against the label schema's relation types, undone and redone like
 * a tag, and answered with the change.
 */
import { OWN_LAYER_ID, RECONCILED_LAYER_ID, type Relation } from '../../../annotations/model';
import { checkRelation, createRelation, findRelationType } from '../../../annotations/relations/relation';
import { fail, ok, type Result } from '../../../annotations/result';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { ApiHandlers } from '../ipc/register-api';
import type { HandlerContext } from './handler-deps';

const EDITABLE_LAYERS = new Set([OWN_LAYER_ID, RECONCILED_LAYER_ID]);

function editableLayer(layerId: string | undefined): Result<string> {
  const id = layerId ?? OWN_LAYER_ID;
  return EDITABLE_LAYERS.has(id) ? ok(id) : fail('forbidden', `layer ${id} belongs to a colleague and cannot be edited; review it instead`);
}

/** Handlers that add and delete relations. */
export function createRelationHandlers({ store, settings, now }: HandlerContext): Pick<ApiHandlers, 'addRelation' | 'deleteRelations' | 'changeRelationType'> {
  return {
    async addRelation({ documentId, layerId, typeId, sourceId, targetId, note }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      const schema = store.getLabels();
      const author = settings.author();
      const stamp = now();
      return store.editLayer(documentId, layer.value, ({ annotations, relations }) => {
        const made = createRelation(schema, { annotations, relations }, { documentId, typeId, sourceId, targetId, author, now: stamp, ...(note !== undefined ? { note } : {}) });
        if (!made.ok) return made;
        const quote = (id: string) => oneLine(annotations.find((a) => a.id === id)?.quote.exact ?? '', 20);
        const name = findRelationType(schema, typeId)?.name ?? typeId;
        return ok({ change: { removed: [], added: [], addedRelations: [made.value] }, label: `Link “${quote(sourceId)}” ${name} “${quote(targetId)}”` });
      });
    },

    async deleteRelations({ documentId, layerId, relationIds }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      return store.editLayer(documentId, layer.value, ({ relations }) => {
        const byId = new Map(relations.map((r) => [r.id, r]));
        const removed: Relation[] = [];
        for (const id of new Set(relationIds)) {
          const found = byId.get(id);
          if (!found) return fail('not-found', `relation ${id} is not in this document`);
          removed.push(found);
        }
        return ok({ change: { removed: [], added: [], removedRelations: removed }, label: removed.length === 1 ? 'Delete a link' : `Delete ${removed.length} links` });
      });
    },

    async changeRelationType({ documentId, layerId, relationId, typeId }) {
      const layer = editableLayer(layerId);
      if (!layer.ok) return layer;
      const schema = store.getLabels();
      const stamp = now();
      return store.editLayer(documentId, layer.value, ({ annotations, relations }) => {
        const before = relations.find((r) => r.id === relationId);
        if (!before) return fail('not-found', `relation ${relationId} is not in this document`);
        // The same link under its own id, checked as a new one would be: the type must allow both ends' labels.
        const after: Relation = { ...before, typeId, updatedAt: stamp };
        const checked = checkRelation(schema, { annotations, relations }, after);
        if (!checked.ok) return checked;
        const name = findRelationType(schema, typeId)?.name ?? typeId;
        return ok({ change: { removed: [], added: [], removedRelations: [before], addedRelations: [after] }, label: `Make the link “${name}”` });
      });
    },
  };
}
