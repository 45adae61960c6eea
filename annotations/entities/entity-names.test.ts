import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotation';
import type { Annotation, Entity } from '../model';
import { entityNameKey, findEntityByName, linkKnownNames, mergeEntities, relinkedSpans, splitEntity } from './entity-names';

const NOW = '2026-12-01T00:00:00.000Z';
const CHUNG: Entity = { id: 'ent_chung', name: 'Chung Dong-young', aliases: ['정동영', 'Minister Chung'], kind: 'actor' };
const MOU: Entity = { id: 'ent_mou', name: 'Ministry of Unification', aliases: ['통일부', 'MOU'], kind: 'policy-body' };
// "MOU" is also an actor's alias here: the same name under two kinds is fine, the kind decides.
const MOU_ACTOR: Entity = { id: 'ent_mou_actor', name: 'Memorandum Office', aliases: ['MOU'], kind: 'actor' };
const ENTITIES = [CHUNG, MOU, MOU_ACTOR];

const TEXT = '정동영 장관 and Chung  Dong-young met the 통일부 (MOU) staff; CHUNG DONG-YOUNG 🙂 spoke.';

function span(exact: string, labelId: string, occurrence = 0, extra: Partial<Annotation> = {}): Annotation {
  let start = -1;
  for (let n = 0; n <= occurrence; n++) start = TEXT.indexOf(exact, start + 1);
  const made = createAnnotation(TEXT, { documentId: 'doc', start, end: start + exact.length, labelId, author: 'ana', now: NOW, id: `ann_${start}_${labelId}` });
  if (!made.ok) throw new Error(made.error.message);
  return { ...made.value, ...extra };
}

describe('entity names', () => {
  it('fold case, Unicode normalisation and runs of white space, and nothing else', () => {
    expect(entityNameKey('  Chung \u00a0 Dong-young ')).toBe('chung dong-young');
    expect(entityNameKey('Cafe\u0301')).toBe(entityNameKey('Café'));
    expect(entityNameKey('정동영')).toBe('정동영');
    expect(entityNameKey('Chung Dong-young')).not.toBe(entityNameKey('Chung Dongyoung'));
  });

  it('find the one entity of the span’s kind that a name or alias matches, across scripts', () => {
    expect(findEntityByName(ENTITIES, '정동영', 'actor')?.id).toBe('ent_chung');
    expect(findEntityByName(ENTITIES, 'chung  DONG-young', 'actor')?.id).toBe('ent_chung');
    expect(findEntityByName(ENTITIES, '통일부', 'policy-body')?.id).toBe('ent_mou');
    expect(findEntityByName(ENTITIES, 'MOU', 'policy-body')?.id).toBe('ent_mou');
    expect(findEntityByName(ENTITIES, 'MOU', 'actor')?.id).toBe('ent_mou_actor');
    expect(findEntityByName(ENTITIES, '통일부', 'actor')).toBeUndefined();
    expect(findEntityByName(ENTITIES, 'Chung', 'actor')).toBeUndefined();
    expect(findEntityByName(ENTITIES, '   ', 'actor')).toBeUndefined();
  });

  it('find nothing when two entities of one kind share the name', () => {
    const twin: Entity = { id: 'ent_other', name: 'Minister Chung', aliases: [], kind: 'actor' };
    expect(findEntityByName([...ENTITIES, twin], 'Minister Chung', 'actor')).toBeUndefined();
    expect(findEntityByName([...ENTITIES, twin], '정동영', 'actor')?.id).toBe('ent_chung');
  });
});

describe('linkKnownNames', () => {
  it('links new spans whose text is a known name of their label’s kind, and leaves the others as they are', () => {
    const spans = [span('정동영', 'actor'), span('Chung  Dong-young', 'actor'), span('통일부', 'policy-body'), span('CHUNG DONG-YOUNG', 'actor'), span('staff', 'actor'), span('통일부', 'actor')];
    const linked = linkKnownNames(spans, ENTITIES);
    expect(linked.map((a) => a.entityId)).toEqual(['ent_chung', 'ent_chung', 'ent_mou', 'ent_chung', undefined, undefined]);
    // The inputs are not changed.
    expect(spans.every((a) => a.entityId === undefined)).toBe(true);
  });

  it('keeps a link already made, and returns the same list when nothing is linked', () => {
    const already = [span('정동영', 'actor', 0, { entityId: 'ent_someone' })];
    expect(linkKnownNames(already, ENTITIES)).toBe(already);
    const none = [span('staff', 'actor')];
    expect(linkKnownNames(none, ENTITIES)).toBe(none);
    expect(linkKnownNames(none, [])).toBe(none);
  });
});

describe('merging and splitting entities', () => {
  it('merge the second into the first: its names become aliases, none twice', () => {
    const korean: Entity = { id: 'ent_ko', name: '정동영', aliases: ['정 장관', 'minister chung'], kind: 'actor' };
    expect(mergeEntities(CHUNG, korean)).toEqual({ ok: true, value: { ...CHUNG, aliases: ['정동영', 'Minister Chung', '정 장관'] } });
    expect(mergeEntities(CHUNG, CHUNG)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(mergeEntities(CHUNG, MOU)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('only entities of one kind') } });
  });

  it('split aliases off into a new entity of the same kind', () => {
    const split = splitEntity(CHUNG, ['minister chung'], { id: 'ent_new', name: 'Chung Eui-yong' });
    expect(split).toEqual({
      ok: true,
      value: { kept: { ...CHUNG, aliases: ['정동영'] }, split: { id: 'ent_new', name: 'Chung Eui-yong', aliases: ['minister chung'], kind: 'actor' } },
    });
    expect(splitEntity(CHUNG, ['Chung Dong-young'], { id: 'x', name: 'X' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('rename it') } });
    expect(splitEntity(CHUNG, ['Chung Eui-yong'], { id: 'x', name: 'X' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('is not an alias') } });
    expect(splitEntity(CHUNG, ['정동영'], { id: 'x', name: '  ' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('needs a name') } });
  });

  it('move the spans of the moved names to the new entity, or every span when no names are given', () => {
    const spans = [span('정동영', 'actor', 0, { entityId: 'ent_chung' }), span('Chung  Dong-young', 'actor', 0, { entityId: 'ent_chung' }), span('staff', 'actor', 0, { entityId: 'ent_other' })];
    const moved = relinkedSpans(spans, 'ent_chung', 'ent_new', NOW, ['정동영']);
    expect(moved.removed.map((a) => a.quote.exact)).toEqual(['정동영']);
    expect(moved.added.map((a) => [a.id, a.entityId])).toEqual([[spans[0]!.id, 'ent_new']]);
    expect(relinkedSpans(spans, 'ent_chung', 'ent_new', NOW).added.map((a) => a.quote.exact)).toEqual(['정동영', 'Chung  Dong-young']);
  });
});
