import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotation';
import { createDocument } from '../document';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import { OWN_LAYER_ID } from '../model';
import { annotationsFromSuggestions } from './accept-suggestions';
import { acceptIntoCorpus, referenceDateOf, suggestCorpus } from './suggest-corpus';

const NOW = '2026-12-01T00:00:00Z';

function corpus(): Corpus {
  const a = createDocument({ title: 'A', source: 't', text: 'Chung Dong-young spoke. 정동영은 left on 22 June 2021.', now: NOW });
  const b = { ...createDocument({ title: 'B', source: 't', text: 'Chung Dong-young returned on Tuesday.', now: NOW }), metadata: { publishedAt: '2021-06-17' } };
  const tag = createAnnotation(a.text, { documentId: a.id, start: 0, end: 16, labelId: 'actor', author: 'ana', now: NOW });
  if (!tag.ok) throw new Error('tag');
  return {
    labels: defaultLabelSchema(),
    entities: [{ id: 'ent-chung', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' }],
    documents: [
      { document: a, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'ana', annotations: [{ ...tag.value, entityId: 'ent-chung' }] }], decisions: [] },
      { document: b, layers: [], decisions: [] },
    ],
  };
}

describe('suggestCorpus and acceptIntoCorpus', () => {
  it('suggests across documents and accepts into the own layer with provenance, entity and date value', () => {
    const c = corpus();
    const found = suggestCorpus(c, {});
    const accepted = acceptIntoCorpus(c, found, 'ana', NOW);
    const own = (i: number) => accepted.documents[i]!.layers.find((l) => l.id === OWN_LAYER_ID)!.annotations;
    expect(own(0).map((x) => [x.quote.exact, x.suggestedBy, x.entityId, x.attributes])).toEqual([
      ['Chung Dong-young', undefined, 'ent-chung', undefined],
      ['정동영', 'own-tags', 'ent-chung', undefined],
      ['22 June 2021', 'dates', undefined, { value: '2021-06-22' }],
    ]);
    // B had no own layer: one is made; its Tuesday is read against its publication date.
    expect(accepted.documents[1]!.layers.map((l) => [l.id, l.author])).toEqual([[OWN_LAYER_ID, 'ana']]);
    expect(own(1).map((x) => [x.quote.exact, x.suggestedBy, x.attributes?.value])).toEqual([
      ['Chung Dong-young', 'own-tags', undefined],
      ['Tuesday', 'dates', '2021-06-15'],
    ]);
    // The input corpus is left as it was.
    expect(c.documents[1]!.layers).toEqual([]);
    expect(referenceDateOf(c.documents[0]!.document)).toBe(NOW);
  });

  it('leaves out what a document rejected', () => {
    const c = corpus();
    const b = c.documents[1]!.document;
    const found = suggestCorpus(c, { rejected: (id) => (id === b.id ? [{ source: 'own-tags', start: 0, end: 16, labelId: 'actor', quote: 'Chung Dong-young', rejectedAt: NOW }] : []) });
    expect(found.get(b.id)!.map((s) => s.source)).toEqual(['dates']);
  });

  it('refuses a suggestion that does not fit the text, creating nothing', () => {
    const made = annotationsFromSuggestions('short', [{ id: 'x', documentId: 'd', start: 2, end: 40, labelId: 'actor', source: 'pattern', sources: ['pattern'], reason: '' }], 'ana', NOW);
    expect(made).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/suggestion x does not fit/) } });
  });
});
