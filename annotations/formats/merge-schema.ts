/**
 * What an import adds to the project's label schema: labels it lacks,
 * attributes and choice options its labels lack, and relation types it
 * lacks, each matched by id. Nothing the project has is changed or dropped
 * (its relation types and attributes stay when an import adds a label).
 */
import { copyAttribute } from '../labels';
import type { Label, LabelSchema } from '../model';

/** The merged schema and what it gained. */
export interface SchemaMerge {
  schema: LabelSchema;
  /** Names of labels added. */
  labelsAdded: string[];
  /** Names of relation types added. */
  relationTypesAdded: string[];
  /** `label: attribute` for each attribute, or option of one, added to a label the project had. */
  attributesAdded: string[];
  /** True when the schema gained anything. */
  changed: boolean;
}

function mergeLabel(own: Label, incoming: Label, added: string[]): Label {
  if (!incoming.attributes?.length) return own;
  const attributes = (own.attributes ?? []).map(copyAttribute);
  for (const a of incoming.attributes) {
    const have = attributes.find((x) => x.id === a.id);
    if (!have) {
      attributes.push(copyAttribute(a));
      added.push(`${own.name}: ${a.name}`);
      continue;
    }
    if (have.type !== 'choice' || a.type !== 'choice') continue;
    for (const o of a.options ?? []) {
      if ((have.options ??= []).some((x) => x.id === o.id)) continue;
      have.options.push({ ...o });
      added.push(`${own.name}: ${have.name} ${o.name}`);
    }
  }
  return attributes.length === (own.attributes?.length ?? 0) && added.length === 0 ? own : { ...own, attributes };
}

/** The project's schema with what `incoming` (an import's schema) adds to it. */
export function mergeImportedSchema(project: LabelSchema, incoming: LabelSchema): SchemaMerge {
  const attributesAdded: string[] = [];
  const labels = project.labels.map((l) => {
    const other = incoming.labels.find((x) => x.id === l.id);
    if (!other) return l;
    const before = attributesAdded.length;
    const merged = mergeLabel(l, other, attributesAdded);
    return attributesAdded.length > before ? merged : l;
  });
  const newLabels = incoming.labels.filter((l) => !project.labels.some((p) => p.id === l.id));
  const ownTypes = project.relationTypes ?? [];
  const newTypes = (incoming.relationTypes ?? []).filter((t) => !ownTypes.some((p) => p.id === t.id));
  const schema: LabelSchema = { ...project, labels: [...labels, ...newLabels] };
  if (project.relationTypes || newTypes.length > 0) schema.relationTypes = [...ownTypes, ...newTypes];
  return {
    schema,
    labelsAdded: newLabels.map((l) => l.name),
    relationTypesAdded: newTypes.map((t) => t.name),
    attributesAdded,
    changed: newLabels.length > 0 || newTypes.length > 0 || attributesAdded.length > 0,
  };
}
