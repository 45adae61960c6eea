/**
 * The label schema: Parley's four default labels, and how labels from other
 * tools are matched to ours.
 */
import type { AttributeDefinition, Label, LabelSchema, RelationType } from './model';

/** The labels every new project starts with. Colours are legible on light and dark backgrounds. */
export const DEFAULT_LABELS: readonly Label[] = [
  { id: 'actor', name: 'Actor', color: '#2563eb', shortcut: '1', description: 'A person, government, party or organisation that acts or speaks.' },
  { id: 'policy-body', name: 'Policy body', color: '#059669', shortcut: '2', description: 'A body, forum or mechanism through which policy is made or coordinated.' },
  { id: 'position', name: 'Position', color: '#d97706', shortcut: '3', description: 'A stance, demand or proposal that an actor takes.' },
  { id: 'date', name: 'Date', color: '#db2777', shortcut: '4', description: 'A date, time or period when something happened.' },
];

/** The stance a position takes: the `stance` attribute of the default `position` label. */
export const STANCE_ATTRIBUTE: AttributeDefinition = {
  id: 'stance',
  name: 'Stance',
  type: 'choice',
  options: [
    { id: 'supports', name: 'Supports', color: '#059669' },
    { id: 'opposes', name: 'Opposes', color: '#dc2626' },
    { id: 'proposes', name: 'Proposes', color: '#2563eb' },
    { id: 'demands', name: 'Demands', color: '#d97706' },
    { id: 'neutral', name: 'Neutral', color: '#6b7280' },
  ],
};

/** The normalised ISO 8601 value of a date span (see `dates/`): the `value` attribute of the default `date` label. */
export const DATE_VALUE_ATTRIBUTE: AttributeDefinition = { id: 'value', name: 'Value', type: 'date' };

/** Attributes of the default labels, by label id. */
const DEFAULT_ATTRIBUTES: Readonly<Record<string, readonly AttributeDefinition[]>> = { position: [STANCE_ATTRIBUTE], date: [DATE_VALUE_ATTRIBUTE] };

/** The relation types every new project starts with: who holds which position toward whom, and when. All directed. */
export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  { id: 'holds', name: 'holds', color: '#2563eb', shortcut: 'h', directed: true, from: ['actor'], to: ['position'] },
  { id: 'toward', name: 'toward', color: '#059669', shortcut: 't', directed: true, from: ['position'], to: ['policy-body', 'actor'] },
  { id: 'when', name: 'when', color: '#db2777', shortcut: 'w', directed: true, from: ['position'], to: ['date'] },
  { id: 'member-of', name: 'member of', color: '#7c3aed', shortcut: 'm', directed: true, from: ['actor'], to: ['policy-body'] },
];

/** A deep copy of an attribute definition. */
export function copyAttribute(a: AttributeDefinition): AttributeDefinition {
  return { ...a, ...(a.options ? { options: a.options.map((o) => ({ ...o })) } : {}) };
}

/** A fresh copy of the default schema: the four labels, the stance and date-value attributes, the four relation types. */
export function defaultLabelSchema(): LabelSchema {
  return {
    labels: DEFAULT_LABELS.map((l) => {
      const attributes = DEFAULT_ATTRIBUTES[l.id];
      return attributes ? { ...l, attributes: attributes.map(copyAttribute) } : { ...l };
    }),
    relationTypes: DEFAULT_RELATION_TYPES.map((t) => ({ ...t, from: [...t.from], to: [...t.to] })),
  };
}

/**
 * The key under which labels are compared: lower case, with spaces, hyphens and
 * underscores removed, so `policy_body`, `Policy body` and `POLICY-BODY` match.
 */
export function labelKey(nameOrId: string): string {
  return nameOrId.toLowerCase().replace(/[\s_-]+/g, '');
}

/** A kebab-case id for a label name (`Policy body` → `policy-body`). Never empty. */
export function labelIdFromName(name: string): string {
  const id = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^\p{L}\p{N}-]+/gu, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return id || 'label';
}

/** Finds the label whose id or name matches `nameOrId` under `labelKey`. */
export function findLabel(schema: LabelSchema, nameOrId: string): Label | undefined {
  const key = labelKey(nameOrId);
  return schema.labels.find((l) => labelKey(l.id) === key) ?? schema.labels.find((l) => labelKey(l.name) === key);
}

/** Colours given to labels added from imports, in turn. */
const EXTRA_COLOURS = ['#7c3aed', '#0891b2', '#65a30d', '#dc2626', '#9333ea', '#0d9488', '#ca8a04', '#4f46e5'];

/**
 * Resolves names from an import against a schema. Unknown names are added as
 * new labels (never dropped); returns the new schema and the id for each name.
 */
export function resolveLabels(schema: LabelSchema, names: Iterable<string>): { schema: LabelSchema; ids: Map<string, string>; added: Label[] } {
  const labels = schema.labels.map((l) => ({ ...l }));
  const ids = new Map<string, string>();
  const added: Label[] = [];
  for (const name of names) {
    if (ids.has(name)) continue;
    const found = findLabel({ labels }, name);
    if (found) {
      ids.set(name, found.id);
      continue;
    }
    let id = labelIdFromName(name);
    for (let n = 2; labels.some((l) => l.id === id); n++) id = `${labelIdFromName(name)}-${n}`;
    const label: Label = { id, name: name.trim() || id, color: EXTRA_COLOURS[(labels.length - DEFAULT_LABELS.length + EXTRA_COLOURS.length * 8) % EXTRA_COLOURS.length]!, shortcut: '', description: '' };
    labels.push(label);
    added.push(label);
    ids.set(name, id);
  }
  return { schema: { ...schema, labels }, ids, added };
}
