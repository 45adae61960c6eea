/**
 * Operations: what an analyst's store sends to the team server. Each is one
 * change to one layer of one document (or steps of a label schema change), with a UUID
 * that makes it idempotent: the server logs it once, however often it is
 * sent. Operations are computed from the store's own change reports (before
 * and after), so every way a layer changes (a tag, an undo, a review
 * decision, an import merged into the layer) is covered the same way.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Annotation, AnnotationLayer, DocumentStatus, LabelSchema, ReviewDecision } from '../../../annotations/model';
import { OWN_LAYER_ID, RECONCILED_LAYER_ID } from '../../../annotations/model';
import { labelSchemaStepSchema, type LabelSchemaStep } from '../../../annotations/label-schema-changes';

/** A relation between two spans, as the server keeps it: any object with an id (its shape is the model's `Relation`). */
export type WorkspaceRelation = { id: string } & Record<string, unknown>;

/** Annotations removed (by id) and added or replaced (whole) in one layer. */
export interface ChangePayload {
  removed: string[];
  added: Annotation[];
  removedRelations: string[];
  addedRelations: WorkspaceRelation[];
}

/** A whole layer (the reconciled one, with its decisions). */
export interface ReplacePayload {
  annotations: Annotation[];
  relations: WorkspaceRelation[];
  decisions: ReviewDecision[];
}

/** One operation in the outgoing queue and on the server. */
export type WorkspaceOperation =
  | { id: string; at: string; kind: 'change'; layerId: string; documentId: string; payload: ChangePayload }
  | { id: string; at: string; kind: 'replace'; layerId: string; documentId: string; payload: ReplacePayload }
  | { id: string; at: string; kind: 'status'; layerId: string; documentId: string; payload: { status: DocumentStatus } }
  | { id: string; at: string; kind: 'schema'; layerId: null; documentId: null; payload: SchemaPayload };

/**
 * A label schema change: the steps from the version the schema owner last
 * sent (`label-schema-changes.ts`), or, for the first one a store sends, the
 * whole schema.
 */
export type SchemaPayload = { steps: LabelSchemaStep[] } | { labels: LabelSchema };

const withId = z.looseObject({ id: z.string().min(1) });
const base = { id: z.uuid(), at: z.string().min(1) };
const onLayer = { ...base, layerId: z.string().min(1), documentId: z.string().min(1) };

/** The shape of a queued operation, checked when the queue file is read back. */
export const workspaceOperationSchema = z.discriminatedUnion('kind', [
  z.object({
    ...onLayer,
    kind: z.literal('change'),
    payload: z.object({ removed: z.array(z.string()), added: z.array(withId), removedRelations: z.array(z.string()), addedRelations: z.array(withId) }),
  }),
  z.object({ ...onLayer, kind: z.literal('replace'), payload: z.object({ annotations: z.array(withId), relations: z.array(withId), decisions: z.array(withId) }) }),
  z.object({ ...onLayer, kind: z.literal('status'), payload: z.object({ status: z.enum(['todo', 'in-progress', 'done']) }) }),
  z.object({
    ...base,
    kind: z.literal('schema'),
    layerId: z.null(),
    documentId: z.null(),
    payload: z.union([z.object({ steps: z.array(labelSchemaStepSchema) }), z.object({ labels: z.looseObject({ labels: z.array(withId) }) })]),
  }),
]) as unknown as z.ZodType<WorkspaceOperation>;

/** The document state the diff needs (a store document file has it). */
export interface DocumentState {
  document: { id: string; status: DocumentStatus };
  layers: readonly AnnotationLayer[];
  decisions: readonly ReviewDecision[];
}

/** Which local layers this analyst sends, and under which server layer id. */
export interface OwnedLayers {
  /** Server id of the analyst's own layer (their role name). */
  own: string;
  /** Server id of the reconciled layer, when this analyst is its adjudicator. */
  reconciled?: string;
}

/** The relations of a layer (absent before model version 2 = none). */
export function relationsOf(layer: AnnotationLayer | undefined): WorkspaceRelation[] {
  return ((layer as { relations?: WorkspaceRelation[] } | undefined)?.relations ?? []) as WorkspaceRelation[];
}

/** Ids of `before` items that are gone or changed in `after`, and the `after` items that are new or changed. Unchanged objects are skipped by identity, then by content. */
function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]): { removed: string[]; added: T[] } {
  const old = new Map(before.map((x) => [x.id, x]));
  const added: T[] = [];
  const removed: string[] = [];
  const seen = new Set<string>();
  for (const item of after) {
    seen.add(item.id);
    const was = old.get(item.id);
    if (was === item) continue;
    if (was !== undefined && JSON.stringify(was) === JSON.stringify(item)) continue;
    if (was !== undefined) removed.push(item.id);
    added.push(item);
  }
  for (const item of before) if (!seen.has(item.id)) removed.push(item.id);
  return { removed, added };
}

/**
 * The operations that take a document from `before` to `after` on the
 * server, for the layers this analyst owns: a `change` for the own layer's
 * annotations and relations, a `replace` of the reconciled layer (with the
 * decisions) when this analyst adjudicates, a `status` when the document's
 * status changed. Colleagues' layers are never sent. Empty when nothing of
 * the analyst's changed.
 */
export function operationsForChange(before: DocumentState, after: DocumentState, owned: OwnedLayers, now: string, newId: () => string = randomUUID): WorkspaceOperation[] {
  const documentId = after.document.id;
  const ops: WorkspaceOperation[] = [];
  const ownBefore = before.layers.find((l) => l.id === OWN_LAYER_ID);
  const ownAfter = after.layers.find((l) => l.id === OWN_LAYER_ID);
  if (ownBefore !== ownAfter) {
    const spans = diffById(ownBefore?.annotations ?? [], ownAfter?.annotations ?? []);
    const links = diffById(relationsOf(ownBefore), relationsOf(ownAfter));
    if (spans.removed.length + spans.added.length + links.removed.length + links.added.length > 0) {
      ops.push({
        id: newId(),
        at: now,
        kind: 'change',
        layerId: owned.own,
        documentId,
        payload: { removed: spans.removed, added: spans.added, removedRelations: links.removed, addedRelations: links.added },
      });
    }
  }
  if (owned.reconciled) {
    const recBefore = before.layers.find((l) => l.id === RECONCILED_LAYER_ID);
    const recAfter = after.layers.find((l) => l.id === RECONCILED_LAYER_ID);
    if (recBefore !== recAfter || before.decisions !== after.decisions) {
      ops.push(replaceOperation(owned.reconciled, documentId, recAfter, after.decisions, now, newId));
    }
  }
  if (before.document.status !== after.document.status) {
    ops.push({ id: newId(), at: now, kind: 'status', layerId: owned.own, documentId, payload: { status: after.document.status } });
  }
  return ops;
}

/** An operation that sets a whole layer (and, for the reconciled layer, its decisions) on the server. */
export function replaceOperation(
  layerId: string,
  documentId: string,
  layer: AnnotationLayer | undefined,
  decisions: readonly ReviewDecision[],
  now: string,
  newId: () => string = randomUUID,
): WorkspaceOperation {
  return {
    id: newId(),
    at: now,
    kind: 'replace',
    layerId,
    documentId,
    payload: { annotations: [...(layer?.annotations ?? [])], relations: relationsOf(layer), decisions: [...decisions] },
  };
}
