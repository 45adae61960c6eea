/**
 * A label schema's change as a list of small steps (a label or relation type
 * added, changed or removed, an order changed) rather than the whole schema:
 * what the schema owner's store sends to a team workspace, and what every
 * other store applies, in order, to its own copy. Each step names its item
 * by id and is idempotent: applying a change twice gives the same schema.
 */
import { z } from 'zod';
import type { Label, LabelSchema, RelationType } from './model';
import { labelSchema, relationTypeSchema } from './model-schema';

/** One step of a label schema change. `after` is the id of the item the new one follows (null: first). */
export type LabelSchemaStep =
  | { op: 'put-label'; label: Label; after: string | null }
  | { op: 'remove-label'; id: string }
  | { op: 'order-labels'; ids: string[] }
  | { op: 'put-relation-type'; type: RelationType; after: string | null }
  | { op: 'remove-relation-type'; id: string }
  | { op: 'order-relation-types'; ids: string[] };

const itemId = z.string().min(1).max(200);

/** The shape of a step, checked when a change arrives from the server or the outgoing queue. */
export const labelSchemaStepSchema: z.ZodType<LabelSchemaStep> = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put-label'), label: labelSchema, after: itemId.nullable() }),
  z.object({ op: z.literal('remove-label'), id: itemId }),
  z.object({ op: z.literal('order-labels'), ids: z.array(itemId).max(1000) }),
  z.object({ op: z.literal('put-relation-type'), type: relationTypeSchema, after: itemId.nullable() }),
  z.object({ op: z.literal('remove-relation-type'), id: itemId }),
  z.object({ op: z.literal('order-relation-types'), ids: z.array(itemId).max(1000) }),
]) as unknown as z.ZodType<LabelSchemaStep>;

/** The steps of one list (labels or relation types): removals, then puts of new or changed items, then the order when it differs. */
function listSteps<T extends { id: string }>(before: readonly T[], after: readonly T[], put: (item: T, after: string | null) => LabelSchemaStep, remove: (id: string) => LabelSchemaStep, order: (ids: string[]) => LabelSchemaStep): LabelSchemaStep[] {
  const steps: LabelSchemaStep[] = [];
  const old = new Map(before.map((item) => [item.id, item]));
  const kept = new Set(after.map((item) => item.id));
  for (const item of before) if (!kept.has(item.id)) steps.push(remove(item.id));
  after.forEach((item, i) => {
    const was = old.get(item.id);
    if (!was || JSON.stringify(was) !== JSON.stringify(item)) steps.push(put(item, i === 0 ? null : after[i - 1]!.id));
  });
  // Items both lists hold, in a different order: say the whole order once.
  const common = before.filter((item) => kept.has(item.id)).map((item) => item.id);
  const commonAfter = after.filter((item) => old.has(item.id)).map((item) => item.id);
  if (common.join('\u0000') !== commonAfter.join('\u0000')) steps.push(order(after.map((item) => item.id)));
  return steps;
}

/** The steps that take `before` to `after`; empty when they are the same. */
export function labelSchemaSteps(before: LabelSchema, after: LabelSchema): LabelSchemaStep[] {
  return [
    ...listSteps(
      before.labels,
      after.labels,
      (label, at) => ({ op: 'put-label', label, after: at }),
      (id) => ({ op: 'remove-label', id }),
      (ids) => ({ op: 'order-labels', ids }),
    ),
    ...listSteps(
      before.relationTypes ?? [],
      after.relationTypes ?? [],
      (type, at) => ({ op: 'put-relation-type', type, after: at }),
      (id) => ({ op: 'remove-relation-type', id }),
      (ids) => ({ op: 'order-relation-types', ids }),
    ),
  ];
}

function putItem<T extends { id: string }>(list: readonly T[], item: T, after: string | null): T[] {
  const at = list.findIndex((x) => x.id === item.id);
  if (at >= 0) return list.map((x, i) => (i === at ? item : x));
  if (after === null) return [item, ...list];
  const previous = list.findIndex((x) => x.id === after);
  return previous < 0 ? [...list, item] : [...list.slice(0, previous + 1), item, ...list.slice(previous + 1)];
}

function ordered<T extends { id: string }>(list: readonly T[], ids: readonly string[]): T[] {
  const rank = new Map(ids.map((id, i) => [id, i]));
  // Items the order does not name keep their places after the named ones.
  return list
    .map((item, i) => ({ item, key: rank.get(item.id) ?? ids.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

/** `schema` with `steps` applied in order. A put of an item already there replaces it in place; a removal of one not there does nothing. */
export function applyLabelSchemaSteps(schema: LabelSchema, steps: readonly LabelSchemaStep[]): LabelSchema {
  let labels = [...schema.labels];
  let types = [...(schema.relationTypes ?? [])];
  for (const step of steps) {
    if (step.op === 'put-label') labels = putItem(labels, step.label, step.after);
    else if (step.op === 'remove-label') labels = labels.filter((l) => l.id !== step.id);
    else if (step.op === 'order-labels') labels = ordered(labels, step.ids);
    else if (step.op === 'put-relation-type') types = putItem(types, step.type, step.after);
    else if (step.op === 'remove-relation-type') types = types.filter((t) => t.id !== step.id);
    else types = ordered(types, step.ids);
  }
  return { ...schema, labels, ...(types.length > 0 || schema.relationTypes ? { relationTypes: types } : {}) };
}

/** What the steps did, in words, for a note ("added label “Threat”; renamed label “Actor” to “Speaker”"), against the schema they were applied to. */
export function describeLabelSchemaSteps(before: LabelSchema, steps: readonly LabelSchemaStep[]): string {
  const labelName = new Map(before.labels.map((l) => [l.id, l.name]));
  const typeName = new Map((before.relationTypes ?? []).map((t) => [t.id, t.name]));
  const put = (kind: string, names: Map<string, string>, id: string, name: string) => {
    const was = names.get(id);
    if (was === undefined) return `added ${kind} “${name}”`;
    return was === name ? `changed ${kind} “${name}”` : `renamed ${kind} “${was}” to “${name}”`;
  };
  const words = steps.map((step) => {
    switch (step.op) {
      case 'put-label':
        return put('label', labelName, step.label.id, step.label.name);
      case 'remove-label':
        return `removed label “${labelName.get(step.id) ?? step.id}”`;
      case 'order-labels':
        return 'reordered the labels';
      case 'put-relation-type':
        return put('relation type', typeName, step.type.id, step.type.name);
      case 'remove-relation-type':
        return `removed relation type “${typeName.get(step.id) ?? step.id}”`;
      case 'order-relation-types':
        return 'reordered the relation types';
    }
  });
  return words.join('; ');
}
