/** Bringing a version-1 label schema to version 2: the default attributes and relation types that fit its labels. */
import { copyAttribute, DATE_VALUE_ATTRIBUTE, DEFAULT_RELATION_TYPES, STANCE_ATTRIBUTE } from './labels';
import type { AttributeDefinition, LabelSchema, RelationType } from './model';

const DEFAULT_ATTRIBUTES: Readonly<Record<string, AttributeDefinition>> = { position: STANCE_ATTRIBUTE, date: DATE_VALUE_ATTRIBUTE };

/**
 * A version-1 schema as version 2, losing nothing: labels keep every field and
 * their order; a `position` label without attributes gains `stance`, a `date`
 * label the date `value`; when the schema has no relation types yet, it gets
 * the default ones, each end narrowed to the labels the schema has, and a
 * type left with no allowed label at an end is not added. A schema that
 * already has relation types keeps them as they are.
 */
export function upgradeLabelSchema(schema: LabelSchema): LabelSchema {
  const ids = new Set(schema.labels.map((l) => l.id));
  const labels = schema.labels.map((l) => {
    const attribute = DEFAULT_ATTRIBUTES[l.id];
    return attribute && !l.attributes ? { ...l, attributes: [copyAttribute(attribute)] } : l;
  });
  if (schema.relationTypes) return { ...schema, labels };
  const relationTypes: RelationType[] = [];
  for (const t of DEFAULT_RELATION_TYPES) {
    const from = t.from.filter((id) => ids.has(id));
    const to = t.to.filter((id) => ids.has(id));
    if (from.length > 0 && to.length > 0) relationTypes.push({ ...t, from, to });
  }
  return { ...schema, labels, relationTypes };
}
