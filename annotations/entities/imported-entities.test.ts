import { describe, expect, it } from 'vitest';
import type { Corpus, Entity } from '../model';
import { joinImportedEntities, relinkImportedSpans } from './imported-entities';

const chung: Entity = { id: 'ent_1', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' };

describe('joinImportedEntities', () => {
  it('uses the library’s entity of the same id, else of the same kind and a shared name in any script, else adds it', () => {
    const incoming: Entity[] = [
      { id: 'ent_1', name: 'Someone else', aliases: [], kind: 'actor' },
      { id: 'theirs_7', name: '정동영', aliases: [], kind: 'actor' },
      { id: 'theirs_8', name: '정동영', aliases: [], kind: 'policy-body' },
      { id: 'Wikidata:Q8684', name: 'Seoul', aliases: ['서울'], kind: 'actor' },
      { id: 'theirs_9', name: '서울', aliases: [], kind: 'actor' },
    ];
    const joined = joinImportedEntities([chung], incoming);
    expect([...joined.ids]).toEqual([
      ['ent_1', 'ent_1'],
      ['theirs_7', 'ent_1'],
      ['theirs_8', 'theirs_8'],
      ['Wikidata:Q8684', 'Wikidata:Q8684'],
      // An incoming entity joins one added by the same import.
      ['theirs_9', 'Wikidata:Q8684'],
    ]);
    expect(joined.added.map((e) => e.id)).toEqual(['theirs_8', 'Wikidata:Q8684']);
  });

  it('rewrites the links of the corpus, leaving links it does not know and returning the same corpus when nothing moves', () => {
    const span = (id: string, entityId?: string) => ({ id, documentId: 'd', start: 0, end: 1, quote: { exact: 'x' }, labelId: 'actor', author: 'a', createdAt: 't', updatedAt: 't', ...(entityId ? { entityId } : {}) });
    const corpus = { labels: { labels: [] }, documents: [{ document: {} as never, layers: [{ id: 'own', kind: 'own' as const, author: 'a', annotations: [span('a1', 'theirs_7'), span('a2', 'ent_x'), span('a3')] }], decisions: [] }] } as unknown as Corpus;
    const moved = relinkImportedSpans(corpus, new Map([['theirs_7', 'ent_1']]));
    expect(moved.documents[0]!.layers[0]!.annotations.map((a) => a.entityId ?? null)).toEqual(['ent_1', 'ent_x', null]);
    expect(relinkImportedSpans(corpus, new Map([['ent_x', 'ent_x']]))).toBe(corpus);
  });
});
