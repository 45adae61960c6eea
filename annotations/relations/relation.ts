/** Creating relations between two spans of a layer, and checking them against the label schema. */
import { newId } from '../ids';
import type { Annotation, LabelSchema, Relation, RelationType } from '../model';
import { fail, ok, type Result } from '../result';

/** The relation type with this id, if the schema has one. */
export function findRelationType(schema: LabelSchema, typeId: string): RelationType | undefined {
  return schema.relationTypes?.find((t) => t.id === typeId);
}

/** Whether a label may stand at one end of a relation type (`[]` allows any label). */
function allows(labels: readonly string[], labelId: string): boolean {
  return labels.length === 0 || labels.includes(labelId);
}

/**
 * Whether `type` may link a span labelled `sourceLabel` to one labelled
 * `targetLabel`. An undirected type also accepts the ends the other way round.
 */
export function relationTypeAllows(type: RelationType, sourceLabel: string, targetLabel: string): boolean {
  if (allows(type.from, sourceLabel) && allows(type.to, targetLabel)) return true;
  return !type.directed && allows(type.from, targetLabel) && allows(type.to, sourceLabel);
}

/** The same link: same type and ends (either way round when the type is undirected). */
function sameLink(a: Pick<Relation, 'typeId' | 'sourceId' | 'targetId'>, b: Pick<Relation, 'typeId' | 'sourceId' | 'targetId'>, directed: boolean): boolean {
  if (a.typeId !== b.typeId) return false;
  if (a.sourceId === b.sourceId && a.targetId === b.targetId) return true;
  return !directed && a.sourceId === b.targetId && a.targetId === b.sourceId;
}

/**
 * Checks a relation against a layer and the schema: its type exists, both
 * ends are spans of the layer and differ, their labels are allowed by the
 * type, and the layer does not already hold the same link (another relation
 * with the same id is not counted, so an edit passes). Fails with
 * `invalid-input` (unknown type, labels not allowed, a span linked to itself),
 * `not-found` (an end is not in the layer) or `conflict` (a duplicate).
 */
export function checkRelation(
  schema: LabelSchema,
  layer: { annotations: readonly Annotation[]; relations?: readonly Relation[] | undefined },
  relation: Pick<Relation, 'id' | 'typeId' | 'sourceId' | 'targetId'>,
): Result<void> {
  const type = findRelationType(schema, relation.typeId);
  if (!type) return fail('invalid-input', `there is no relation type ${JSON.stringify(relation.typeId)} in the label schema`);
  if (relation.sourceId === relation.targetId) return fail('invalid-input', 'a span cannot be linked to itself');
  let source: Annotation | undefined;
  let target: Annotation | undefined;
  for (const a of layer.annotations) {
    if (a.id === relation.sourceId) source = a;
    if (a.id === relation.targetId) target = a;
  }
  if (!source) return fail('not-found', `the source span ${relation.sourceId} is not in this layer`);
  if (!target) return fail('not-found', `the target span ${relation.targetId} is not in this layer`);
  if (!relationTypeAllows(type, source.labelId, target.labelId)) {
    const list = (ids: string[]) => (ids.length === 0 ? 'any label' : ids.join(' or '));
    return fail('invalid-input', `“${type.name}” links ${list(type.from)} to ${list(type.to)}, not ${source.labelId} to ${target.labelId}`);
  }
  const twin = layer.relations?.find((r) => r.id !== relation.id && sameLink(r, relation, type.directed));
  if (twin) return fail('conflict', `these spans are already linked by “${type.name}” (${twin.id})`);
  return ok(undefined);
}

/**
 * A new relation from `sourceId` to `targetId`, checked with `checkRelation`
 * against the layer it will join. Fails as `checkRelation` does.
 */
export function createRelation(
  schema: LabelSchema,
  layer: { annotations: readonly Annotation[]; relations?: readonly Relation[] | undefined },
  input: { documentId: string; typeId: string; sourceId: string; targetId: string; author: string; now: string; note?: string; id?: string },
): Result<Relation> {
  const relation: Relation = {
    id: input.id ?? newId('rel'),
    documentId: input.documentId,
    typeId: input.typeId,
    sourceId: input.sourceId,
    targetId: input.targetId,
    author: input.author,
    createdAt: input.now,
    updatedAt: input.now,
  };
  if (input.note !== undefined && input.note !== '') relation.note = input.note;
  const checked = checkRelation(schema, layer, relation);
  return checked.ok ? ok(relation) : checked;
}
