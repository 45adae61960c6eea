import { describe, expect, it } from 'vitest';
import { f1Score, totalF1Counts } from './f1-score';
import { instanceCounts } from './instance-f1';
import { lenientCounts, maximumMatching } from './lenient-f1';
import { annotationsFrom } from './test-support/load-fixture';
import { tokenCounts } from './token-f1';
import { tokenize } from './tokens';

describe('f1Score', () => {
  it('is null rather than NaN when neither side has anything', () => {
    expect(f1Score({ matches: 0, a: 0, b: 0 })).toBeNull();
  });

  it('is 2·matches / (a + b)', () => {
    expect(f1Score({ matches: 3, a: 4, b: 6 })).toBe(0.6); // 6 / 10
  });
});

describe('instanceCounts', () => {
  it('counts duplicated spans as a multiset', () => {
    const a = annotationsFrom('d', 'a', [
      [0, 5, 'x'],
      [0, 5, 'x'],
    ]);
    const b = annotationsFrom('d', 'b', [[0, 5, 'x']]);
    // one match; 2 + 1 annotations → 2·1/3
    expect(f1Score(totalF1Counts(instanceCounts(a, b)))).toBeCloseTo(2 / 3, 12);
  });

  it('does not match spans that differ by one character or by label', () => {
    const a = annotationsFrom('d', 'a', [
      [0, 5, 'x'],
      [6, 9, 'x'],
    ]);
    const b = annotationsFrom('d', 'b', [
      [0, 4, 'x'],
      [6, 9, 'y'],
    ]);
    const counts = instanceCounts(a, b);
    expect(counts.get('x')).toEqual({ matches: 0, a: 2, b: 1 });
    expect(counts.get('y')).toEqual({ matches: 0, a: 0, b: 1 });
  });
});

describe('instanceCounts over random annotation lists', () => {
  /** The count done the plain way: every annotation of b takes the first unused equal one of a. */
  function naive(a: ReturnType<typeof annotationsFrom>, b: ReturnType<typeof annotationsFrom>) {
    const counts = new Map<string, { matches: number; a: number; b: number }>();
    const of = (label: string) => counts.get(label) ?? counts.set(label, { matches: 0, a: 0, b: 0 }).get(label)!;
    for (const x of a) of(x.labelId).a++;
    const used = new Set<number>();
    for (const y of b) {
      of(y.labelId).b++;
      const i = a.findIndex((x, k) => !used.has(k) && x.start === y.start && x.end === y.end && x.labelId === y.labelId);
      if (i >= 0) {
        used.add(i);
        of(y.labelId).matches++;
      }
    }
    return counts;
  }

  // Small offsets, and offsets so large that (start, end, label) no longer fits one safe integer.
  for (const base of [0, 2 ** 40]) {
    it(`matches the plain count, duplicates and shared bounds with other labels included (offsets from ${base})`, () => {
      let seed = 7;
      const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
      const labels = ['actor', '정책', 'position 📌', 'date'];
      for (let round = 0; round < 200; round++) {
        const rows = (count: number) =>
          Array.from({ length: count }, () => {
            const start = base + next(12);
            return [start, start + 1 + next(4), labels[next(labels.length)]!] as const;
          });
        const a = annotationsFrom('d', 'a', rows(next(15)));
        const b = annotationsFrom('d', 'b', rows(next(15)));
        expect(instanceCounts(a, b)).toEqual(naive(a, b));
      }
    });
  }
});

describe('tokenCounts', () => {
  const tokens = tokenize('aa bb cc');

  it('forgives a boundary moved within the tokens it covers', () => {
    // [0,5) and [1,4) both cover tokens "aa" and "bb": 2 matches of 2 + 2
    const counts = tokenCounts(tokens, annotationsFrom('d', 'a', [[0, 5, 'x']]), annotationsFrom('d', 'b', [[1, 4, 'x']]));
    expect(f1Score(totalF1Counts(counts))).toBe(1);
  });

  it('costs one token for a boundary moved by one word', () => {
    // a: tokens 0,1; b: tokens 1,2 → 1 match of 2 + 2 = 0.5
    const counts = tokenCounts(tokens, annotationsFrom('d', 'a', [[0, 5, 'x']]), annotationsFrom('d', 'b', [[3, 8, 'x']]));
    expect(f1Score(totalF1Counts(counts))).toBe(0.5);
  });

  it('gives no items for a span over whitespace only', () => {
    const counts = tokenCounts(tokens, annotationsFrom('d', 'a', [[2, 3, 'x']]), []);
    expect(counts.get('x')).toEqual({ matches: 0, a: 0, b: 0 });
  });
});

describe('lenientCounts', () => {
  it('matches one to one, finding the largest matching even where a greedy pass would not', () => {
    // a1 [0,10) overlaps b1 [0,5) and b2 [8,12); a2 [2,4) overlaps only b1.
    // Greedy a1–b1 leaves a2 unmatched; the maximum pairs a1–b2 and a2–b1.
    const a = annotationsFrom('d', 'a', [
      [0, 10, 'x'],
      [2, 4, 'x'],
    ]);
    const b = annotationsFrom('d', 'b', [
      [0, 5, 'x'],
      [8, 12, 'x'],
    ]);
    expect(lenientCounts(a, b).get('x')).toEqual({ matches: 2, a: 2, b: 2 });
  });

  it('does not match overlapping spans with different labels', () => {
    const counts = lenientCounts(annotationsFrom('d', 'a', [[0, 10, 'x']]), annotationsFrom('d', 'b', [[0, 10, 'y']]));
    expect(totalF1Counts(counts)).toEqual({ matches: 0, a: 1, b: 1 });
  });

  it('counts a long span overlapping two short ones as a single match', () => {
    const counts = lenientCounts(annotationsFrom('d', 'a', [[0, 10, 'x']]), annotationsFrom('d', 'b', [
      [0, 3, 'x'],
      [5, 9, 'x'],
    ]));
    expect(counts.get('x')).toEqual({ matches: 1, a: 1, b: 2 });
  });
});

describe('maximumMatching', () => {
  it('finds a perfect matching that needs a long augmenting path', () => {
    // left i is adjacent to right i and i+1; the greedy start takes i–i except the last left vertex,
    // which is adjacent only to right 0 and must push every other vertex along.
    const n = 2000;
    const adjacency = Array.from({ length: n }, (_, i) => (i === n - 1 ? [0] : [i, i + 1]));
    expect(maximumMatching(adjacency, n)).toBe(n);
  });
});
