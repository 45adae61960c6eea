import { describe, expect, it } from 'vitest';
import { createAnnotation } from './annotation';
import { DEFAULT_LABELS, defaultLabelSchema } from './labels';
import type { Corpus } from './model';
import { annotationChangeSchema, annotationSchema, corpusSchema, documentSchema, labelSchemaSchema, relationSchema } from './model-schema';
import { textSha256 } from './text-hash';

const NOW = '2026-12-01T00:00:00.000Z';
const TEXT = 'Chung Dong-young (정동영) said on Tuesday\r\nthat talks 🙂 should resume.';

function versionOneCorpus(): Corpus {
  const made = createAnnotation(TEXT, { documentId: 'doc_1', start: 0, end: 16, labelId: 'actor', author: 'ana', now: NOW, id: 'ann_1' });
  if (!made.ok) throw new Error(made.error.message);
  return {
    labels: { labels: DEFAULT_LABELS.map((l) => ({ ...l })) },
    documents: [
      {
        document: { id: 'doc_1', title: 'Talks', source: 'talks.txt', text: TEXT, sha256: textSha256(TEXT), importedAt: NOW, status: 'in-progress' },
        layers: [{ id: 'own', kind: 'own', author: 'ana', annotations: [made.value] }],
        decisions: [],
      },
    ],
  };
}

describe('model schemas', () => {
  it('read version-1 data as it is: nothing added, nothing dropped', () => {
    const corpus = versionOneCorpus();
    const parsed = corpusSchema.safeParse(corpus);
    expect(parsed.success && parsed.data).toEqual(corpus);
  });

  it('keep every version-2 field: attributes, entity, suggestion source, relations, metadata, relation types, entities', () => {
    const corpus = versionOneCorpus();
    const doc = corpus.documents[0]!;
    doc.document.metadata = { publishedAt: '2021-06-22', outlet: 'Yonhap', author: 'Kim', url: 'https://example.org/a' };
    doc.layers[0]!.annotations[0] = { ...doc.layers[0]!.annotations[0]!, attributes: { stance: 'supports' }, entityId: 'ent_1', suggestedBy: 'gazetteer' };
    doc.layers[0]!.relations = [{ id: 'rel_1', documentId: 'doc_1', typeId: 'holds', sourceId: 'ann_1', targetId: 'ann_1', author: 'ana', createdAt: NOW, updatedAt: NOW, note: 'n' }];
    corpus.labels = defaultLabelSchema();
    corpus.entities = [{ id: 'ent_1', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' }];
    const parsed = corpusSchema.safeParse(corpus);
    expect(parsed.success && parsed.data).toEqual(corpus);
  });

  it('refuse a relation without ends, a metadata field of the wrong type, an attribute that is not text, and name where', () => {
    expect(relationSchema.safeParse({ id: 'r', documentId: 'd', typeId: 'holds', author: 'a', createdAt: NOW, updatedAt: NOW }).success).toBe(false);
    const meta = documentSchema.safeParse({ ...versionOneCorpus().documents[0]!.document, metadata: { publishedAt: 2021 } });
    expect(meta.success).toBe(false);
    expect(!meta.success && meta.error.issues[0]!.path).toEqual(['metadata', 'publishedAt']);
    const ann = versionOneCorpus().documents[0]!.layers[0]!.annotations[0]!;
    expect(annotationSchema.safeParse({ ...ann, attributes: { stance: 3 } }).success).toBe(false);
    expect(annotationChangeSchema.safeParse({ removed: [], added: [], addedRelations: [{}] }).success).toBe(false);
  });
});

describe('the default label schema', () => {
  it('gives positions a stance with five choices, dates a date value, and four directed relation types with their keys', () => {
    const schema = defaultLabelSchema();
    expect(labelSchemaSchema.safeParse(schema).success).toBe(true);
    const position = schema.labels.find((l) => l.id === 'position')!;
    expect(position.attributes?.map((a) => [a.id, a.type])).toEqual([['stance', 'choice']]);
    expect(position.attributes?.[0]?.options?.map((o) => o.id)).toEqual(['supports', 'opposes', 'proposes', 'demands', 'neutral']);
    expect(schema.labels.find((l) => l.id === 'date')!.attributes).toEqual([{ id: 'value', name: 'Value', type: 'date' }]);
    expect(schema.labels.find((l) => l.id === 'actor')!.attributes).toBeUndefined();
    expect(schema.relationTypes?.map((t) => [t.id, t.shortcut, t.from, t.to, t.directed])).toEqual([
      ['holds', 'h', ['actor'], ['position'], true],
      ['toward', 't', ['position'], ['policy-body', 'actor'], true],
      ['when', 'w', ['position'], ['date'], true],
      ['member-of', 'm', ['actor'], ['policy-body'], true],
    ]);
  });

  it('is a fresh copy each time: changing one does not change the next', () => {
    const first = defaultLabelSchema();
    first.labels.find((l) => l.id === 'position')!.attributes![0]!.options!.push({ id: 'hedges', name: 'Hedges' });
    first.relationTypes![0]!.to.push('date');
    const second = defaultLabelSchema();
    expect(second.labels.find((l) => l.id === 'position')!.attributes![0]!.options).toHaveLength(5);
    expect(second.relationTypes![0]!.to).toEqual(['position']);
  });
});
