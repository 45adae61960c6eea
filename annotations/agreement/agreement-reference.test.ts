import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgreementReport } from './report';
import { figureDifferences } from './test-support/compare-figures';
import { FIXTURE_DIR, loadFixture } from './test-support/load-fixture';

// reference-values.json is written by scripts/agreement-reference.py, which
// computes kappa with scikit-learn, alpha with NLTK, lenient matching with
// SciPy and the rest in plain Python, re-tokenising the texts itself.
const reference = JSON.parse(readFileSync(join(FIXTURE_DIR, 'reference-values.json'), 'utf8')) as Record<string, Record<string, unknown>>;
describe('agreement figures match the independent Python reference', () => {
  it('has a reference entry for every committed fixture', () => {
    const fixtures = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json') && f !== 'reference-values.json');
    expect(Object.keys(reference).sort()).toEqual(fixtures.sort());
  });

  for (const [file, expected] of Object.entries(reference)) {
    for (const section of Object.keys(expected)) {
      it(`${file}: ${section}`, () => {
        // The reference counts every document as it is, started or not.
        const result = buildAgreementReport(loadFixture(file), { includeUnstarted: true });
        if (!result.ok) throw new Error(result.error.message);
        const actual = (result.value as unknown as Record<string, unknown>)[section];
        expect(figureDifferences(actual, expected[section], section)).toEqual([]);
      });
    }
  }
});

describe('the reference comparison itself', () => {
  it('notices a figure off by more than 1e-9, a null where a number was expected, and a missing key', () => {
    expect(figureDifferences({ a: 0.5 + 2e-9, b: null }, { a: 0.5, b: 0, c: 1 }, 'x')).toEqual(['x.a: 0.500000002 ≠ 0.5', 'x.b: null ≠ 0', 'x.c: missing']);
  });
});
