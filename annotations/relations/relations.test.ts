import { describe, expect, it } from 'vitest';
import { createAnnotation, invertChange } from '../annotation';
import { defaultLabelSchema } from '../labels';
import type { Annotation, AnnotationChange, AnnotationLayer, LabelSchema, Relation } from '../model';
import { applyLayerChange, withRelationsOfRemovedSpans } from './layer-change';
import { checkRelation, createRelation, relationTypeAllows } from './relation';

const NOW = '2026-12-01T00:00:00.000Z';
// Spans in three scripts and with an emoji, so ids and labels are all that matter, never the text.
const TEXT = 'Noh Kyu-duk proposed ending the working group on 22 June 2021. 정동영 장관은 반대했다 🙂 on Tuesday.';

function span(id: string, exact: string, labelId: string): Annotation {
  const start = TEXT.indexOf(exact);
  const made = createAnnotation(TEXT, { documentId: 'doc', start, end: start + exact.length, labelId, author: 'ana', now: NOW, id });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const actor = span('ann_actor', 'Noh Kyu-duk', 'actor');
const position = span('ann_pos', 'proposed ending', 'position');
const body = span('ann_body', 'the working group', 'policy-body');
const date = span('ann_date', '22 June 2021', 'date');
const korean = span('ann_ko', '정동영', 'actor');
const tuesday = span('ann_tue', 'Tuesday', 'date');

function layer(relations?: Relation[]): AnnotationLayer {
  return { id: 'own', kind: 'own', author: 'ana', annotations: [actor, position, body, date, korean, tuesday], ...(relations ? { relations } : {}) };
}

function link(id: string, typeId: string, source: Annotation, target: Annotation, schema: LabelSchema = defaultLabelSchema(), on: AnnotationLayer = layer()): Relation {
  const made = createRelation(schema, on, { documentId: 'doc', typeId, sourceId: source.id, targetId: target.id, author: 'ana', now: NOW, id });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

function applied(l: AnnotationLayer, change: AnnotationChange): AnnotationLayer {
  const next = applyLayerChange(l, change);
  if (!next.ok) throw new Error(next.error.message);
  return next.value;
}

describe('checkRelation', () => {
  const schema = defaultLabelSchema();

  it('accepts each default relation type between the labels it names', () => {
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'holds', sourceId: actor.id, targetId: position.id })).toEqual({ ok: true, value: undefined });
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'toward', sourceId: position.id, targetId: body.id }).ok).toBe(true);
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'toward', sourceId: position.id, targetId: korean.id }).ok).toBe(true);
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'when', sourceId: position.id, targetId: tuesday.id }).ok).toBe(true);
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'member-of', sourceId: korean.id, targetId: body.id }).ok).toBe(true);
  });

  it('refuses ends whose labels the type does not allow, naming both, and a directed type the wrong way round', () => {
    const wrong = checkRelation(schema, layer(), { id: 'r', typeId: 'holds', sourceId: position.id, targetId: actor.id });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!wrong.ok && wrong.error.message).toContain('not position to actor');
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'when', sourceId: position.id, targetId: body.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses an unknown type, a span linked to itself, and ends missing from the layer', () => {
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'likes', sourceId: actor.id, targetId: position.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'holds', sourceId: actor.id, targetId: actor.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'holds', sourceId: 'ann_gone', targetId: position.id })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('source') } });
    expect(checkRelation(schema, layer(), { id: 'r', typeId: 'holds', sourceId: actor.id, targetId: 'ann_gone' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('target') } });
    expect(checkRelation({ labels: schema.labels }, layer(), { id: 'r', typeId: 'holds', sourceId: actor.id, targetId: position.id }).ok).toBe(false);
  });

  it('refuses the same link twice but lets a relation be checked again under its own id', () => {
    const holds = link('rel_1', 'holds', actor, position);
    const withIt = layer([holds]);
    expect(checkRelation(schema, withIt, { ...holds, id: 'rel_2' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(checkRelation(schema, withIt, holds).ok).toBe(true);
    // A different type between the same spans is another link.
    const anyType: LabelSchema = { ...schema, relationTypes: [...schema.relationTypes!, { id: 'quotes', name: 'quotes', color: '#000000', shortcut: '', directed: true, from: [], to: [] }] };
    expect(checkRelation(anyType, withIt, { id: 'rel_3', typeId: 'quotes', sourceId: actor.id, targetId: position.id }).ok).toBe(true);
  });

  it('lets an undirected type link its labels either way round, and counts the reverse link as the same one', () => {
    const ally = { id: 'ally', name: 'allied with', color: '#111111', shortcut: 'a', directed: false, from: ['actor'], to: ['policy-body'] };
    expect(relationTypeAllows(ally, 'policy-body', 'actor')).toBe(true);
    expect(relationTypeAllows({ ...ally, directed: true }, 'policy-body', 'actor')).toBe(false);
    const schemaWithAlly: LabelSchema = { ...schema, relationTypes: [ally] };
    const first = link('rel_a', 'ally', actor, body, schemaWithAlly);
    expect(checkRelation(schemaWithAlly, layer([first]), { id: 'rel_b', typeId: 'ally', sourceId: body.id, targetId: actor.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps a note on a new relation only when it says something', () => {
    const made = createRelation(schema, layer(), { documentId: 'doc', typeId: 'holds', sourceId: actor.id, targetId: position.id, author: 'ana', now: NOW, note: '' });
    expect(made.ok && 'note' in made.value).toBe(false);
    const noted = createRelation(schema, layer(), { documentId: 'doc', typeId: 'holds', sourceId: actor.id, targetId: position.id, author: 'ana', now: NOW, note: 'quoted' });
    expect(noted.ok && noted.value).toMatchObject({ note: 'quoted', id: expect.stringMatching(/^rel_[0-9a-f]{24}$/) });
  });
});

describe('applyLayerChange', () => {
  const holds = link('rel_holds', 'holds', actor, position);
  const toward = link('rel_toward', 'toward', position, body);
  const when = link('rel_when', 'when', position, date);
  const member = link('rel_member', 'member-of', korean, body);

  it('adds and removes relations, and undo with the inverse change gives back the layer exactly', () => {
    const start = layer();
    const add: AnnotationChange = { removed: [], added: [], addedRelations: [holds, toward] };
    const after = applied(start, add);
    expect(after.relations?.map((r) => r.id)).toEqual(['rel_holds', 'rel_toward']);
    expect(applied(after, invertChange(add))).toEqual(start);
  });

  it('deleting a span removes every relation at either end in the same change, and one undo restores span and relations', () => {
    const start = layer([holds, toward, when, member]);
    const change = withRelationsOfRemovedSpans(start, { removed: [position], added: [] });
    expect(change.removedRelations?.map((r) => r.id).sort()).toEqual(['rel_holds', 'rel_toward', 'rel_when']);
    const after = applied(start, change);
    expect(after.annotations.map((a) => a.id)).not.toContain(position.id);
    expect(after.relations?.map((r) => r.id)).toEqual(['rel_member']);
    const undone = applied(after, invertChange(change));
    expect(undone.annotations).toEqual(start.annotations);
    expect(undone.relations?.map((r) => r.id).sort()).toEqual(['rel_holds', 'rel_member', 'rel_toward', 'rel_when']);
    // Redo takes them away again.
    expect(applied(undone, change).relations?.map((r) => r.id)).toEqual(['rel_member']);
  });

  it('an edit of a span (same id removed and added) keeps its relations', () => {
    const start = layer([holds]);
    const edit: AnnotationChange = { removed: [actor], added: [{ ...actor, note: 'minister' }] };
    expect(withRelationsOfRemovedSpans(start, edit)).toBe(edit);
    expect(applied(start, edit).relations).toEqual([holds]);
  });

  it('does not list a relation twice when the change already removes it', () => {
    const start = layer([holds, member]);
    const change = withRelationsOfRemovedSpans(start, { removed: [actor, korean], added: [], removedRelations: [holds] });
    expect(change.removedRelations?.map((r) => r.id)).toEqual(['rel_holds', 'rel_member']);
    expect(applied(start, change).relations).toBeUndefined();
  });

  it('refuses, changing nothing, a span deleted while still linked, a relation to a missing span, a duplicate id, a missing removal', () => {
    const start = layer([holds]);
    const snapshot = JSON.stringify(start);
    expect(applyLayerChange(start, { removed: [actor], added: [] })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('rel_holds') } });
    const ghost = { ...toward, id: 'rel_ghost', targetId: 'ann_nowhere' };
    expect(applyLayerChange(start, { removed: [], added: [], addedRelations: [ghost] })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('ann_nowhere') } });
    expect(applyLayerChange(start, { removed: [], added: [], addedRelations: [holds] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(applyLayerChange(start, { removed: [], added: [], addedRelations: [toward, toward] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(applyLayerChange(start, { removed: [], added: [], removedRelations: [toward] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(JSON.stringify(start)).toBe(snapshot);
  });

  it('a relation may link spans added by the same change (tag two spans and link them in one step)', () => {
    const bare: AnnotationLayer = { id: 'own', kind: 'own', author: 'ana', annotations: [] };
    const after = applied(bare, { removed: [], added: [actor, position], addedRelations: [holds] });
    expect(after.relations).toEqual([holds]);
    const undone = applied(after, invertChange({ removed: [], added: [actor, position], addedRelations: [holds] }));
    expect(undone).toEqual(bare);
  });
});

describe('invertChange', () => {
  it('swaps relations as it swaps annotations, and leaves a change without relations without relation fields', () => {
    const holds = link('rel_holds', 'holds', actor, position);
    expect(invertChange({ removed: [actor], added: [], removedRelations: [holds] })).toEqual({ removed: [], added: [actor], addedRelations: [holds] });
    expect(invertChange({ removed: [], added: [actor] })).toEqual({ removed: [actor], added: [] });
  });
});
