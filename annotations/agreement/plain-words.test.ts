import { describe, expect, it } from 'vitest';
import { agreementBand, readMeasure, readPair } from './plain-words';
import { buildAgreementReport } from './report';
import { annotationsFrom } from './test-support/load-fixture';

describe('agreementBand', () => {
  it.each([
    [-0.3, 'poor agreement (worse than chance)'],
    [0, 'slight agreement'],
    [0.2, 'slight agreement'],
    [0.21, 'fair agreement'],
    [0.5, 'moderate agreement'],
    [0.79, 'substantial agreement'],
    [0.8, 'substantial agreement'],
    [0.81, 'almost perfect agreement'],
    [1, 'almost perfect agreement'],
  ])('reads %d as %s', (value, band) => {
    expect(agreementBand(value)).toBe(band);
  });

  it('has no band for an undefined figure', () => {
    expect(agreementBand(null)).toBeNull();
    expect(agreementBand(Number.NaN)).toBeNull();
  });
});

describe('readPair and readMeasure', () => {
  const text = 'Seoul and Tokyo met in Geneva on 3 March; 통일부 and 🤝 followed.';
  const ana = annotationsFrom('d', 'ana', [
    [0, 5, 'actor'],
    [10, 15, 'actor'],
    [23, 29, 'date'],
    [33, 40, 'date'],
  ]);
  const ben = annotationsFrom('d', 'ben', [
    [0, 5, 'actor'],
    [10, 15, 'actor'],
    [23, 29, 'actor'],
  ]);
  const report = buildAgreementReport([
    { annotator: 'ana', documents: new Map([['d', { text, annotations: ana }]]) },
    { annotator: 'ben', documents: new Map([['d', { text, annotations: ben }]]) },
  ]);
  if (!report.ok) throw new Error(report.error.message);
  const r = report.value;

  it('says how many spans of each layer match, by the layers’ names', () => {
    expect(readPair('instance', r.instance.pairs[0]!)).toBe('2 of 4 spans by ana and 2 of 3 by ben match one of the other’s exactly (same start, end and label)');
    expect(readMeasure('lenient', r.lenient.pairs, r.lenient.total.mean)).toBe('2 of 4 spans by ana and 2 of 3 by ben overlap one of the other’s with the same label');
  });

  it('names the band of the scale for kappa and alpha, with the figure it reads', () => {
    const kappa = r.kappa.total.mean!;
    expect(readMeasure('kappa', r.kappa.pairs, kappa)).toBe(`kappa ${kappa.toFixed(2)}: ${agreementBand(kappa)!} (Landis & Koch)`);
    expect(readMeasure('alpha', r.alpha.pairs, r.alpha.total.mean)).toMatch(/^alpha -?\d\.\d\d: .* agreement.* \(Landis & Koch\)$/);
  });

  it('says when there is nothing to read', () => {
    const empty = { a: 'ana', b: 'ben', total: null, perLabel: {}, perDocument: {}, counts: { matches: 0, a: 0, b: 0 } };
    expect(readPair('token', empty)).toBe('Neither ana nor ben tagged anything compared');
    expect(readPair('kappa', empty)).toBe('kappa undefined for ana and ben');
    expect(readMeasure('instance', [empty, empty, empty], 0.5)).toBe('mean over 3 pairs of layers');
  });
});
