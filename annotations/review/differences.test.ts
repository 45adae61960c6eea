import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import { findDifferences } from './differences';

const TEXT = 'The Ministry of Finance met the IMF in Geneva on 3 March 2021.';
//          0123456789012345678901234567890123456789012345678901234567890
// "Ministry of Finance" 4–23, "The Ministry of Finance" 0–23, "IMF" 32–35, "Geneva" 39–45, "3 March 2021" 49–61

describe('findDifferences', () => {
  it('classifies each of the five kinds and lists them in reading order', () => {
    const mine = annotationsFrom('d', 'me', [
      [4, 23, 'actor'],
      [32, 35, 'actor'],
      [39, 45, 'date'],
      [49, 61, 'date'],
    ]);
    const theirs = annotationsFrom('d', 'you', [
      [0, 23, 'actor'],
      [32, 35, 'policy-body'],
      [49, 61, 'date'],
      [24, 27, 'position'],
    ]);
    const diffs = findDifferences(TEXT, mine, theirs);
    expect(diffs.map((d) => [d.kind, d.quote])).toEqual([
      ['boundary-conflict', 'The Ministry of Finance'],
      ['only-theirs', 'met'],
      ['label-conflict', 'IMF'],
      ['only-mine', 'Geneva'],
      ['agreed', '3 March 2021'],
    ]);
    expect(diffs[0]!.mineIds).toEqual([mine[0]!.id]);
    expect(diffs[0]!.theirsIds).toEqual([theirs[0]!.id]);
  });

  it('groups one span overlapping several of the other side into one difference', () => {
    const mine = annotationsFrom('d', 'me', [[0, 23, 'actor']]);
    const theirs = annotationsFrom('d', 'you', [
      [4, 12, 'actor'],
      [16, 23, 'policy-body'],
    ]);
    const diffs = findDifferences(TEXT, mine, theirs);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({ kind: 'label-conflict', start: 0, end: 23, mineIds: [mine[0]!.id] });
    expect(diffs[0]!.theirsIds).toEqual(theirs.map((t) => t.id));
  });

  it('pairs exact matches before grouping, so an agreement nested in a conflict stays agreed', () => {
    const mine = annotationsFrom('d', 'me', [
      [0, 35, 'position'],
      [4, 23, 'actor'],
    ]);
    const theirs = annotationsFrom('d', 'you', [[4, 23, 'actor']]);
    expect(findDifferences(TEXT, mine, theirs).map((d) => d.kind)).toEqual(['only-mine', 'agreed']);
  });

  it('does not treat touching spans as overlapping', () => {
    const diffs = findDifferences(TEXT, annotationsFrom('d', 'me', [[0, 3, 'actor']]), annotationsFrom('d', 'you', [[3, 12, 'actor']]));
    expect(diffs.map((d) => d.kind)).toEqual(['only-mine', 'only-theirs']);
  });

  it('gives the same keys when the annotations are reloaded with new ids', () => {
    const rows: Array<[number, number, string]> = [
      [4, 23, 'actor'],
      [32, 35, 'actor'],
    ];
    const first = findDifferences(TEXT, annotationsFrom('d', 'me', rows), annotationsFrom('d', 'you', [[32, 35, 'date']]));
    const reloaded = findDifferences(
      TEXT,
      annotationsFrom('d', 'me', rows).map((a) => ({ ...a, id: `new-${a.id}` })),
      annotationsFrom('d', 'you', [[32, 35, 'date']]).map((a) => ({ ...a, id: `new-${a.id}` })),
    );
    expect(reloaded.map((d) => d.key)).toEqual(first.map((d) => d.key));
    expect(new Set(first.map((d) => d.key)).size).toBe(first.length);
  });

  it('numbers repeated keys so duplicated spans stay distinct', () => {
    const mine = annotationsFrom('d', 'me', [
      [32, 35, 'actor'],
      [32, 35, 'actor'],
      [32, 35, 'actor'],
    ]);
    const theirs = annotationsFrom('d', 'you', [[32, 35, 'actor']]);
    const diffs = findDifferences(TEXT, mine, theirs);
    expect(diffs.map((d) => d.kind).sort()).toEqual(['agreed', 'only-mine', 'only-mine']);
    expect(new Set(diffs.map((d) => d.key)).size).toBe(3);
    expect(diffs.filter((d) => d.key.endsWith('#2'))).toHaveLength(1);
  });

  it('returns nothing for two empty layers', () => {
    expect(findDifferences(TEXT, [], [])).toEqual([]);
  });
});
