/**
 * A review of three layers at once, exported as Parley JSON: every decision
 * keeps the layers compared, the layer of each copy's source and the k-of-n
 * mark, reads back unchanged, matches the published JSON Schema, and a file
 * that bends those fields is refused with the field named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotation';
import { createDocument } from '../document';
import { codecs } from '../formats/index';
import { defaultLabelSchema } from '../labels';
import type { Annotation, Corpus } from '../model';
import { decideAcross } from './layer-decisions';
import { findLayerDifferences } from './layer-differences';
import { preAcceptAgreed } from './pre-accept';
import { reconciledLayer } from './review-state';

const TEXT = 'Sung Kim met 통일부 officials in Seoul 🇰🇷 on Friday.\r\nThe talks go on.';
const now = '2026-11-30T12:00:00.000Z';
const document = createDocument({ title: 'Seoul talks', source: 'test', text: TEXT, now });
const LAYERS = ['own', 'colleague:ben', 'colleague:kim'];

function span(author: string, quote: string, labelId: string): Annotation {
  const start = TEXT.indexOf(quote);
  const created = createAnnotation(TEXT, { documentId: document.id, start, end: start + quote.length, labelId, author, now });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

function reviewed(): Corpus {
  const own = [span('ana', 'Sung Kim', 'actor'), span('ana', '통일부', 'policy-body')];
  const ben = [span('ben', 'Sung Kim', 'actor'), span('ben', '통일부 officials', 'policy-body')];
  const kim = [span('kim', 'Sung Kim', 'position'), span('kim', 'Seoul 🇰🇷', 'location')];
  const differences = findLayerDifferences(TEXT, [
    { id: 'own', annotations: own },
    { id: 'colleague:ben', annotations: ben },
    { id: 'colleague:kim', annotations: kim },
  ]);
  const context = { documentId: document.id, layers: LAYERS, decidedBy: 'ana', now };
  const pre = preAcceptAgreed({ annotations: [], decisions: [] }, differences, 2, context);
  if (!pre.ok) throw new Error(pre.error.message);
  const boundary = differences.find((d) => d.kind === 'boundary-conflict')!;
  const state = decideAcross(pre.value.state, boundary, 'accept-theirs', { ...context, now: '2026-11-30T12:05:00.000Z' }).state;
  return {
    labels: defaultLabelSchema(),
    documents: [
      {
        document,
        layers: [{ id: 'own', kind: 'own', author: 'ana', annotations: own }, { id: 'colleague:ben', kind: 'colleague', author: 'ben', annotations: ben }, { id: 'colleague:kim', kind: 'colleague', author: 'kim', annotations: kim }, reconciledLayer(state, 'ana')],
        decisions: state.decisions,
      },
    ],
  };
}

function exportReconciled(corpus: Corpus) {
  const exported = codecs.parley.export(corpus, { layerIds: ['reconciled'] });
  if (!exported.ok) throw new Error(exported.error.message);
  return exported.value.files;
}

const read = (files: ReturnType<typeof exportReconciled>) => codecs.parley.import(files, { labels: defaultLabelSchema(), author: 'someone', now });

describe('a review of three layers, exported', () => {
  it('writes and reads back each decision with its layers, the layer of each source and the k-of-n mark', () => {
    const corpus = reviewed();
    const decisions = corpus.documents[0]!.decisions;
    expect(decisions.map((d) => [d.action, d.preAccepted ?? null, d.sourceLayers])).toEqual([
      ['choose-spans', { k: 2, n: 3 }, ['own']],
      ['accept-theirs', null, ['colleague:ben']],
    ]);
    const back = read(exportReconciled(corpus));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.corpus.documents[0]!.decisions).toEqual(decisions);
    expect(back.value.corpus.documents[0]!.layers[0]!.annotations.map((a) => [a.quote.exact, a.author])).toEqual([
      ['Sung Kim', 'ana'],
      ['통일부 officials', 'ben'],
    ]);
  });

  it('matches the published JSON Schema', async () => {
    const { default: Ajv } = await import('ajv');
    const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../docs/formats/parley-json.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const json = JSON.parse(exportReconciled(reviewed())[0]!.data as string);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });

  const bent: Array<[string, (d: Record<string, unknown>) => void, string]> = [
    ['a single layer', (d) => (d.layers = ['own']), 'layers'],
    ['sources without their layers lined up', (d) => (d.sourceLayers = ['own', 'own', 'own']), 'sourceLayers'],
    ['k above n', (d) => (d.preAccepted = { k: 4, n: 3 }), 'preAccepted'],
    ['n unlike the layers compared', (d) => (d.preAccepted = { k: 2, n: 2 }), 'preAccepted'],
    ['a fractional k', (d) => (d.preAccepted = { k: 2.5, n: 3 }), 'preAccepted'],
    ['an unknown field in the mark', (d) => (d.preAccepted = { k: 2, n: 3, by: 'x' }), 'preAccepted'],
  ];
  for (const [name, bend, field] of bent) {
    it(`refuses a decision with ${name}, naming ${field}`, () => {
      const files = exportReconciled(reviewed());
      const json = JSON.parse(files[0]!.data as string) as { documents: Array<{ decisions: Array<Record<string, unknown>> }> };
      bend(json.documents[0]!.decisions[0]!);
      const result = read([{ ...files[0]!, data: JSON.stringify(json) }]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(JSON.stringify(result.error)).toContain(field);
    });
  }
});
