import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../../annotations/labels';
import type { AttributeDefinition } from '../../../annotations/model';
import { attributeProblems, cleanAttributes, newAttribute, newOption } from './attribute-draft';
import { buildSaveInput, draftsFromSchema, newDraftKey, type LabelDraft, type LabelRemoval } from './label-draft';
import { buildRelationTypes, droppedRelationTypes, relationTypeDrafts, relationTypeProblems, type RelationTypeDraft } from './relation-type-draft';

function setup() {
  const schema = defaultLabelSchema();
  const labels = draftsFromSchema(schema);
  const relations = relationTypeDrafts(schema, labels);
  const key = (id: string) => labels.find((l) => l.savedId === id)!.key;
  return { schema, labels, relations, key };
}

function save(labels: LabelDraft[], removals: LabelRemoval[], relations: RelationTypeDraft[]) {
  const input = buildSaveInput(labels, removals);
  const ids = new Map(labels.map((l, i) => [l.key, input.labels[i]!.id]));
  return buildRelationTypes(relations, labels, removals, ids);
}

describe('relation type drafts', () => {
  it('give back the schema’s relation types unchanged when nothing is edited', () => {
    const { schema, labels, relations } = setup();
    expect(relationTypeProblems(relations)).toEqual([]);
    expect(save(labels, [], relations)).toEqual(schema.relationTypes);
    // Labels keep their attributes (the position's stance and its options, the date's value) through the editor.
    expect(buildSaveInput(labels, []).labels).toEqual(schema.labels);
  });

  it('follow a label renamed, a new label, and a label merged into another', () => {
    const { labels, relations, key } = setup();
    const person: LabelDraft = { key: newDraftKey(), savedId: null, name: 'Person', color: '#0891b2', shortcut: '5', description: '' };
    const renamed = labels.map((l) => (l.savedId === 'actor' ? { ...l, name: 'Speaker' } : l));
    const toward = relations.find((r) => r.savedId === 'toward')!;
    const edited = relations.map((r) => (r === toward ? { ...r, to: [...r.to, person.key] } : r));
    // Policy body is deleted and its spans go to Actor: ends naming it follow.
    const withoutBody = [...renamed.filter((l) => l.savedId !== 'policy-body'), person];
    const removals: LabelRemoval[] = [{ key: key('policy-body'), savedId: 'policy-body', name: 'Policy body', moveTo: key('actor') }];
    expect(relationTypeProblems(edited)).toEqual([]);
    const saved = save(withoutBody, removals, edited);
    expect(saved.find((t) => t.id === 'toward')!.to).toEqual(['actor', 'person']);
    expect(saved.find((t) => t.id === 'member-of')!.to).toEqual(['actor']);
    expect(saved.find((t) => t.id === 'holds')!.from).toEqual(['actor']);
  });

  it('delete a type with the label at one of its ends, rather than widen it to any label', () => {
    const { labels, relations, key } = setup();
    const removals: LabelRemoval[] = [{ key: key('date'), savedId: 'date', name: 'Date', moveTo: null }];
    const left = labels.filter((l) => l.savedId !== 'date');
    expect(relationTypeProblems(relations)).toEqual([]);
    expect(droppedRelationTypes(relations, left, removals).map((d) => d.name)).toEqual(['when']);
    expect(save(left, removals, relations).map((t) => t.id)).toEqual(['holds', 'toward', 'member-of']);
  });

  it('name every problem with names, colours and keys', () => {
    const { relations } = setup();
    const broken: RelationTypeDraft[] = [
      ...relations,
      { key: 'x1', savedId: null, name: ' ', color: '#fff', shortcut: 'h', directed: true, from: [], to: [] },
      { key: 'x2', savedId: null, name: 'Holds', color: '#123456', shortcut: ' ', directed: false, from: [], to: [] },
      { key: 'x3', savedId: null, name: '지지', color: '#123456', shortcut: 'T', directed: false, from: [], to: [] },
    ];
    expect(relationTypeProblems(broken)).toEqual([
      'Relation type 5 has no name.',
      '“Relation type 5” needs a colour written #rrggbb.',
      '“Relation type 5” and “holds” both use the key “h”.',
      '“Holds” and “holds” are the same relation name; give each its own.',
      'The key of “Holds” must be one key, not a blank.',
      '“지지” and “toward” both use the key “T”.',
    ]);
  });

  it('give new types unique kebab-case ids from their names, in any script', () => {
    const { labels, relations } = setup();
    const added: RelationTypeDraft[] = [
      ...relations,
      { key: 'n1', savedId: null, name: 'Holds', color: '#123456', shortcut: '', directed: true, from: [], to: [] },
      { key: 'n2', savedId: null, name: '반대 입장', color: '#123456', shortcut: '', directed: false, from: [], to: [] },
    ];
    expect(save(labels, [], added).map((t) => t.id)).toEqual(['holds', 'toward', 'when', 'member-of', 'holds-2', '반대-입장']);
  });
});

describe('attribute drafts', () => {
  const keys = [
    { name: 'Actor', shortcut: '1' },
    { name: 'Date', shortcut: '4' },
  ];

  it('accept the default attributes and name each problem', () => {
    const { schema } = setup();
    for (const label of schema.labels) expect(attributeProblems(label.name, label.attributes ?? [], keys)).toEqual([]);
    const broken: AttributeDefinition[] = [
      { id: 'stance', name: 'Stance', type: 'choice', options: [] },
      { id: 'stance-2', name: 'stance', type: 'text', shortcut: '1' },
      { id: 'tone', name: '', type: 'choice', options: [{ id: 'a', name: 'Firm' }, { id: 'b', name: ' firm' }, { id: 'c', name: '' }] },
      { id: 'when', name: 'When', type: 'date', shortcut: 'R' },
    ];
    expect(attributeProblems('Position', broken, keys)).toEqual([
      '“Stance” of Position is a choice with no options: add at least one.',
      'Position has two attributes named “stance”.',
      '“stance” of Position cannot use “1”: it tags Actor.',
      'Attribute 3 of Position has no name.',
      'Attribute 3 of Position has the option “firm” twice.',
      'Option 3 of Attribute 3 of Position has no name.',
      '“When” of Position cannot use “R”: it links the selected annotation to another (a relation).',
    ]);
  });

  it('make fresh ids for new attributes and options, and clean what is saved', () => {
    const first = newAttribute([]);
    expect(first).toEqual({ id: 'attribute', name: 'New attribute', type: 'choice', options: [{ id: 'yes', name: 'Yes' }, { id: 'no', name: 'No' }] });
    expect(newAttribute([first], 'date')).toEqual({ id: 'attribute-2', name: 'New attribute', type: 'date' });
    expect(newOption([{ id: 'supports' }], 'Supports')).toEqual({ id: 'supports-2', name: 'Supports' });
    expect(newOption([], '조건부 지지')).toEqual({ id: '조건부-지지', name: '조건부 지지' });
    expect(cleanAttributes([{ id: 'note', name: ' Source ', type: 'text', options: [{ id: 'x', name: 'x' }], shortcut: '' }])).toEqual([{ id: 'note', name: 'Source', type: 'text' }]);
  });
});
