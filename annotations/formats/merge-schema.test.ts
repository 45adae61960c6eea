import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { mergeImportedSchema } from './merge-schema';

describe('merging an import into the project schema', () => {
  it('adds labels, relation types, attributes and options, and keeps every relation type and attribute the project had', () => {
    const project = defaultLabelSchema();
    const incoming = defaultLabelSchema();
    incoming.labels.push({ id: 'gpe', name: 'GPE', color: '#7c3aed', shortcut: '', description: '' });
    incoming.labels.find((l) => l.id === 'actor')!.attributes = [{ id: 'mention', name: 'Mention', type: 'choice', options: [{ id: 'name', name: 'Name' }] }];
    incoming.labels.find((l) => l.id === 'position')!.attributes![0]!.options!.push({ id: 'warns', name: 'Warns' });
    incoming.relationTypes!.push({ id: 'meets', name: 'Meets', color: '#0f766e', shortcut: '', directed: true, from: [], to: [] });
    const merged = mergeImportedSchema(project, incoming);
    expect(merged.labelsAdded).toEqual(['GPE']);
    expect(merged.relationTypesAdded).toEqual(['Meets']);
    expect(merged.attributesAdded).toEqual(['Actor: Mention', 'Position: Stance Warns']);
    expect(merged.schema.relationTypes!.map((t) => t.id)).toEqual(['holds', 'toward', 'when', 'member-of', 'meets']);
    expect(merged.schema.labels.find((l) => l.id === 'date')!.attributes).toEqual(project.labels.find((l) => l.id === 'date')!.attributes);
    expect(merged.schema.labels.find((l) => l.id === 'position')!.attributes![0]!.options!.map((o) => o.id)).toEqual(['supports', 'opposes', 'proposes', 'demands', 'neutral', 'warns']);
    expect(project.labels.find((l) => l.id === 'position')!.attributes![0]!.options).toHaveLength(5);
    expect(merged.changed).toBe(true);
  });

  it('keeps the relation types when an import adds only a label, and changes nothing when there is nothing new', () => {
    const project = defaultLabelSchema();
    const onlyLabel = mergeImportedSchema(project, { labels: [...project.labels, { id: 'org', name: 'Org', color: '#000000', shortcut: '', description: '' }] });
    expect(onlyLabel.schema.relationTypes).toEqual(project.relationTypes);
    expect(onlyLabel.relationTypesAdded).toEqual([]);
    expect(mergeImportedSchema(project, defaultLabelSchema())).toMatchObject({ changed: false, schema: project });
  });
});
