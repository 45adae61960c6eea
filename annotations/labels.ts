/**
 * The label schema: Parley's four default labels, and how labels from other
 * tools are matched to ours.
 */
import type { Label, LabelSchema } from './model';

/** The labels every new project starts with. Colours are legible on light and dark backgrounds. */
export const DEFAULT_LABELS: readonly Label[] = [
  { id: 'actor', name: 'Actor', color: '#2563eb', shortcut: '1', description: 'A person, government, party or organisation that acts or speaks.' },
  { id: 'policy-body', name: 'Policy body', color: '#059669', shortcut: '2', description: 'A body, forum or mechanism through which policy is made or coordinated.' },
  { id: 'position', name: 'Position', color: '#d97706', shortcut: '3', description: 'A stance, demand or proposal that an actor takes.' },
  { id: 'date', name: 'Date', color: '#db2777', shortcut: '4', description: 'A date, time or period when something happened.' },
];

/** A fresh copy of the default schema. */
export function defaultLabelSchema(): LabelSchema {
  return { labels: DEFAULT_LABELS.map((l) => ({ ...l })) };
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
  return { schema: { labels }, ids, added };
}
