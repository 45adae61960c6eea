import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { Annotation, Corpus, Relation } from '../model';
import { exportParleyJson, importParleyJson } from './parley-json';
import { parleyJsonSchemaDocument } from './parley-json-schema';
import { sampleCorpus, SAMPLE_NOW } from './test-fixtures/sample-corpus';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const SCHEMA_FILE = path.resolve(__dirname, '../../docs/formats/parley-json.schema.json');

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit exported JSON freely */

/** The sample corpus with every version-2 field: metadata, attributes, entities, a suggestion source, relations in two layers. */
function statementsCorpus(): Corpus {
  const corpus = sampleCorpus();
  const briefing = corpus.documents[0]!;
  briefing.document.metadata = { publishedAt: '2025-03-04T09:00:00+09:00', outlet: 'Yonhap', author: 'Kim Min-ji', url: 'https://example.org/briefing' };
  const own = briefing.layers[0]!;
  const find = (exact: string) => own.annotations.find((a) => a.quote.exact.startsWith(exact))!;
  const seoul = find('Seoul');
  const agreed = find('agreed');
  const group = find('Nuclear');
  const tuesday = find('Tuesday');
  Object.assign(seoul, { entityId: 'ent_seoul', suggestedBy: 'gazetteer' });
  agreed.attributes = { stance: 'supports' };
  tuesday.attributes = { value: '2025-03-04' };
  const rel = (id: string, typeId: string, source: Annotation, target: Annotation): Relation => ({ id, documentId: briefing.document.id, typeId, sourceId: source.id, targetId: target.id, author: 'minji', createdAt: SAMPLE_NOW, updatedAt: SAMPLE_NOW });
  own.relations = [rel('rel_holds', 'holds', seoul, agreed), { ...rel('rel_toward', 'toward', agreed, group), note: 'the group it expands' }, rel('rel_when', 'when', agreed, tuesday)];
  const theirs: Annotation[] = [{ ...seoul, id: 'ann_jun_1', author: 'jun' }, { ...agreed, id: 'ann_jun_2', author: 'jun', attributes: { stance: 'proposes' } }];
  briefing.layers.push({ id: 'colleague:jun', kind: 'colleague', author: 'jun', annotations: theirs, relations: [{ ...rel('rel_holds', 'holds', theirs[0]!, theirs[1]!), author: 'jun' }] });
  corpus.entities = [
    { id: 'ent_seoul', name: 'Seoul', aliases: ['서울', 'the South Korean government'], kind: 'actor' },
    { id: 'ent_unused', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' },
  ];
  return corpus;
}

function exported(corpus: Corpus = statementsCorpus()): any {
  const text = exportParleyJson(corpus, { now: SAMPLE_NOW });
  if (!text.ok) throw new Error(text.error.message);
  return JSON.parse(text.value);
}

const reimport = (value: unknown) => importParleyJson([{ path: 'corpus.parley.json', data: JSON.stringify(value) }], options);

describe('Parley JSON version 2', () => {
  it('round-trips relations, attributes, entities, suggestion sources, metadata, relation types and label attributes', () => {
    const corpus = statementsCorpus();
    const result = reimport(exported(corpus));
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const back = result.value.corpus;
    expect(back.entities).toEqual(corpus.entities);
    expect(back.labels.relationTypes).toEqual(corpus.labels.relationTypes);
    expect(back.labels.labels).toEqual(corpus.labels.labels);
    const [before, after] = [corpus.documents[0]!, back.documents[0]!];
    expect(after.document.metadata).toEqual(before.document.metadata);
    for (const layerId of ['own', 'colleague:jun']) {
      const want = before.layers.find((l) => l.id === layerId)!;
      const got = after.layers.find((l) => l.id === layerId)!;
      expect(got.annotations).toEqual([...want.annotations].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1)));
      expect(got.relations).toEqual(want.relations);
    }
    // Documents without version-2 data come back without version-2 fields.
    expect(back.documents[2]!.document.metadata).toBeUndefined();
    expect(back.documents[2]!.layers[0]!.relations).toBeUndefined();
  });

  it('gives an annotation id reused in another layer a new id, and its relations follow it', () => {
    const json = exported();
    const [own, jun] = json.documents[0].layers;
    const ownSeoul = own.annotations.find((a: any) => a.quote.exact === 'Seoul');
    jun.annotations[0].id = ownSeoul.id;
    jun.relations[0].sourceId = ownSeoul.id;
    const result = reimport(json);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const layers = result.value.corpus.documents[0]!.layers;
    const theirs = layers.find((l) => l.id === 'colleague:jun')!;
    const source = theirs.annotations.find((a) => a.id === theirs.relations![0]!.sourceId)!;
    expect(source).toMatchObject({ author: 'jun', quote: { exact: 'Seoul' } });
    expect(source.id).not.toBe(ownSeoul.id);
    expect(layers.find((l) => l.id === 'own')!.relations!.find((r) => r.id === 'rel_holds')!.sourceId).toBe(ownSeoul.id);
  });

  it('reads a version-1 file: no relations, attributes, entities or metadata, and nothing else lost', () => {
    const json = exported(sampleCorpus());
    json.schemaVersion = 1;
    delete json.relationTypes;
    for (const l of json.labels) delete l.attributes;
    const result = reimport(json);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    expect(result.value.corpus.documents.map((d) => d.layers[0]!.annotations.length)).toEqual([11, 4, 0]);
    expect(result.value.corpus.entities).toBeUndefined();
  });

  it.each([
    ['a relation to an annotation that is not in its layer', (j: any) => (j.documents[0].layers[0].relations[0].targetId = 'ann_nowhere'), /not a span of this document/],
    ['a relation between spans of two layers', (j: any) => (j.documents[0].layers[1].relations[0].targetId = 'ann_nowhere'), /not a span of this document/],
    ['a relation without a type', (j: any) => delete j.documents[0].layers[0].relations[0].typeId, /relations\[0\]\.typeId/],
    ['a relation with an unknown field', (j: any) => (j.documents[0].layers[0].relations[0].weight = 2), /relations\[0\]/],
    ['the same relation id twice', (j: any) => j.documents[0].layers[0].relations.push(j.documents[0].layers[0].relations[0]), /appears twice/],
    ['a relation of another document', (j: any) => (j.documents[0].layers[0].relations[0].documentId = 'doc_other'), /documentId is doc_other/],
    ['a span naming an entity the file does not define', (j: any) => (j.documents[0].layers[0].annotations[0].entityId = 'ent_ghost'), /ent_ghost, which is not in the file's entities/],
    ['an entity id twice', (j: any) => j.entities.push({ ...j.entities[0] }), /entity id ent_seoul appears twice/],
    ['an entity without aliases', (j: any) => delete j.entities[0].aliases, /entities\[0\]\.aliases/],
    ['metadata of the wrong type', (j: any) => (j.documents[0].metadata.publishedAt = 2025), /metadata\.publishedAt/],
    ['an unknown metadata field', (j: any) => (j.documents[0].metadata.pages = '3'), /metadata/],
    ['an attribute value that is not text', (j: any) => (j.documents[0].layers[0].annotations.find((a: any) => a.attributes).attributes.stance = 1), /attributes\.stance: must be a string/],
    ['a relation type without direction', (j: any) => delete j.relationTypes[0].directed, /relationTypes\[0\]\.directed/],
    ['a label attribute of an unknown type', (j: any) => (j.labels.find((l: any) => l.attributes).attributes[0].type = 'number'), /labels\[\d\]\.attributes\[0\]\.type/],
  ])('refuses %s, naming where, and imports nothing', (_what, damage, message) => {
    const json = exported();
    damage(json);
    const result = reimport(json);
    expect(result.ok).toBe(false);
    const problems = !result.ok ? (result.error.problems ?? []).map((p) => `${p.record}: ${p.message}`).join('\n') : '';
    expect(problems).toMatch(message);
  });

  it('leaves out, with a warning, a relation whose span could not be placed, and lists the span with the orphans', () => {
    const json = exported();
    const doc = json.documents[0];
    doc.text = doc.text.replace('Seoul', 'The capital');
    const result = reimport(json);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    expect(result.value.orphans?.map((o) => o.annotation.quote.exact)).toEqual(['Seoul', 'Seoul']);
    const own = result.value.corpus.documents[0]!.layers.find((l) => l.id === 'own')!;
    expect(own.relations?.map((r) => r.id)).toEqual(['rel_toward', 'rel_when']);
    expect(result.value.warnings.map((w) => w.message).filter((m) => m.includes('left out'))).toHaveLength(2);
  });
});

describe('the Parley JSON Schema (docs/formats/parley-json.schema.json)', () => {
  it('is the one generated from the zod schema: run `npm run schema` after changing the model', () => {
    const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(committed).toEqual(parleyJsonSchemaDocument());
  });

  it('accepts a version-2 export with every field and refuses a relation without ends', async () => {
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const json = exported();
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    delete json.documents[0].layers[0].relations[0].sourceId;
    expect(validate(json)).toBe(false);
  });
});
