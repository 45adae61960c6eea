import { describe, expect, it } from 'vitest';
import { colleagueLayerId, OWN_LAYER_ID, RECONCILED_LAYER_ID } from '../../../annotations/model';
import type { DocumentSummary } from '../../../shared/library';
import { documentsWithLayer, layerName, layerPhrase, layerRows } from './layer-rows';

type LayerCount = DocumentSummary['layers'][number];

function summary(id: string, layers: LayerCount[]): DocumentSummary {
  const own = layers.find((l) => l.id === OWN_LAYER_ID)?.count ?? 0;
  return { id, title: id, source: `${id}.txt`, sha256: '0'.repeat(64), importedAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z', status: 'todo', annotationCount: own, countsByLabel: {}, layers, length: 100 };
}

const own = (count: number, author = 'ana'): LayerCount => ({ id: OWN_LAYER_ID, kind: 'own', author, count });
const colleague = (author: string, count: number): LayerCount => ({ id: colleagueLayerId(author), kind: 'colleague', author, count });
const reconciled = (count: number): LayerCount => ({ id: RECONCILED_LAYER_ID, kind: 'reconciled', author: 'ana', count });

describe('layerRows', () => {
  it('always lists the own layer, even in an empty library', () => {
    expect(layerRows([], null)).toEqual([{ id: OWN_LAYER_ID, kind: 'own', author: '', documents: 0, annotations: 0, here: null }]);
  });

  it('adds up each layer over the documents that have it and counts the open document apart', () => {
    const docs = [summary('d1', [own(4), colleague('Ben', 3)]), summary('d2', [own(6), colleague('Ben', 2), reconciled(5)]), summary('d3', [own(0)])];
    const rows = layerRows(docs, 'd2');
    expect(rows).toEqual([
      { id: OWN_LAYER_ID, kind: 'own', author: 'ana', documents: 3, annotations: 10, here: 6 },
      { id: 'colleague:Ben', kind: 'colleague', author: 'Ben', documents: 2, annotations: 5, here: 2 },
      { id: RECONCILED_LAYER_ID, kind: 'reconciled', author: 'ana', documents: 1, annotations: 5, here: 5 },
    ]);
    // A layer the open document lacks is not "here"; no open document, nothing is.
    expect(layerRows(docs, 'd1').find((r) => r.id === RECONCILED_LAYER_ID)!.here).toBeNull();
    expect(layerRows(docs, null).every((r) => r.here === null)).toBe(true);
  });

  it('orders own, then colleagues by name in any script, then reconciled', () => {
    const docs = [summary('d1', [reconciled(1), colleague('Zoë', 1), colleague('민지', 1), colleague('Ben', 1), own(1)])];
    expect(layerRows(docs, null).map((r) => r.id)).toEqual([OWN_LAYER_ID, 'colleague:Ben', 'colleague:Zoë', 'colleague:민지', RECONCILED_LAYER_ID]);
  });

  it('takes the author from the first document that names one', () => {
    const docs = [summary('d1', [own(1, '')]), summary('d2', [own(1, 'ana')])];
    expect(layerRows(docs, null)[0]!.author).toBe('ana');
  });
});

describe('layerName and layerPhrase', () => {
  it('names each kind of layer', () => {
    expect(layerName({ id: OWN_LAYER_ID, author: 'ana' })).toBe('ana');
    expect(layerName({ id: OWN_LAYER_ID, author: '' })).toBe('You');
    expect(layerName({ id: RECONCILED_LAYER_ID, author: 'ana' })).toBe('Reconciled');
    expect(layerName({ id: 'colleague:박민지', author: '' })).toBe('박민지');
    expect(layerName({ id: 'colleague:sam', author: 'Sam Lee' })).toBe('Sam Lee');
  });

  it('puts a layer in a sentence', () => {
    expect(layerPhrase({ id: OWN_LAYER_ID, author: 'ana' })).toBe('your layer');
    expect(layerPhrase({ id: RECONCILED_LAYER_ID, author: '' })).toBe('the reconciled layer');
    expect(layerPhrase({ id: 'colleague:Sam', author: 'Sam' })).toBe('Sam’s layer');
  });
});

describe('documentsWithLayer', () => {
  it('lists the documents that have the layer, in library order', () => {
    const docs = [summary('d1', [own(1), colleague('Ben', 1)]), summary('d2', [own(1)]), summary('d3', [colleague('Ben', 0)])];
    expect(documentsWithLayer(docs, 'colleague:Ben')).toEqual(['d1', 'd3']);
    expect(documentsWithLayer(docs, 'colleague:Sam')).toEqual([]);
  });
});
