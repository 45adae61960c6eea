import { describe, expect, it } from 'vitest';
import type { AnnotatorDocuments } from './agreement-input';
import { buildAgreementReport } from './report';
import { annotationsFrom, loadFixture } from './test-support/load-fixture';

function annotator(name: string, docs: Record<string, { text: string; rows: Array<[number, number, string]> }>): AnnotatorDocuments {
  return { annotator: name, documents: new Map(Object.entries(docs).map(([id, d]) => [id, { text: d.text, annotations: annotationsFrom(id, name, d.rows) }])) };
}

describe('buildAgreementReport', () => {
  it('refuses fewer than two annotators', () => {
    const result = buildAgreementReport([annotator('ana', {})]);
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-input');
  });

  it('refuses a repeated annotator name', () => {
    const result = buildAgreementReport([annotator('ana', {}), annotator('ana', {})]);
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid-input');
  });

  it('refuses two different texts under one document key', () => {
    const result = buildAgreementReport([annotator('ana', { d: { text: 'one', rows: [] } }), annotator('ben', { d: { text: 'two', rows: [] } })]);
    expect(result.ok ? 'ok' : result.error.code).toBe('conflict');
  });

  it('lists a document held by one annotator without comparing it', () => {
    const result = buildAgreementReport([
      annotator('ana', { d: { text: 'aa bb', rows: [[0, 2, 'x']] }, solo: { text: 'cc', rows: [[0, 2, 'y']] } }),
      annotator('ben', { d: { text: 'aa bb', rows: [[0, 2, 'x']] } }),
    ]);
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value;
    expect(report.documents.map((d) => [d.id, d.annotators])).toEqual([
      ['d', ['ana', 'ben']],
      ['solo', ['ana']],
    ]);
    expect(Object.keys(report.instance.perDocument)).toEqual(['d']);
    expect(report.labels).toEqual(['x']);
    expect(report.instance.total).toEqual({ mean: 1, sd: 0 });
  });

  it('puts labels in the given order, then the rest in code-unit order', () => {
    const rows: Array<[number, number, string]> = [
      [0, 1, 'zeta'],
      [2, 3, 'beta'],
      [4, 5, 'alpha'],
    ];
    const result = buildAgreementReport([annotator('a', { d: { text: 'a b c', rows } }), annotator('b', { d: { text: 'a b c', rows } })], { labelOrder: ['zeta', 'unused'] });
    expect(result.ok && result.value.labels).toEqual(['zeta', 'alpha', 'beta']);
  });

  it('reports null, never NaN, for documents with nothing to compare, and survives a JSON round trip', () => {
    // Blank documents are not started; included here so that their figures are computed.
    const result = buildAgreementReport(loadFixture('degenerate.json'), { includeUnstarted: true });
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value;
    expect(report.instance.perDocument['blank']).toEqual({ mean: null, sd: null });
    expect(report.kappa.perDocument['uniform']).toEqual({ mean: null, sd: null });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('lists every pair once, in annotator order', () => {
    const result = buildAgreementReport(loadFixture('three-annotators.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.kappa.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['ana-ben', 'ana-cho', 'ben-cho']);
    // "summit" is held by ana and ben only, so only their pair reports it
    expect(result.value.instance.pairs.map((p) => 'summit' in p.perDocument)).toEqual([true, false, false]);
  });
});
