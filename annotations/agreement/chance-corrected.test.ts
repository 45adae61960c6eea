import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa';
import { addToCrossTable } from './cross-table';
import { addAlphaUnit, alphaFromCrossTable, alphaFromTotals, emptyAlphaTotals, krippendorffAlpha } from './krippendorff-alpha';

describe('cohenKappa', () => {
  it('corrects observed agreement for chance', () => {
    // pₒ = 3/4; a has x,x,y,y and b x,y,y,y so pₑ = (2/4)(1/4) + (2/4)(3/4) = 1/2; κ = (3/4 − 1/2)/(1/2) = 1/2
    expect(cohenKappa(['x', 'x', 'y', 'y'], ['x', 'y', 'y', 'y'])).toBeCloseTo(0.5, 12);
  });

  it('is null when both annotators use one and the same category throughout', () => {
    expect(cohenKappa(['none', 'none'], ['none', 'none'])).toBeNull();
  });

  it('is defined when each annotator uses a different single category', () => {
    // pₒ = 0, pₑ = 0 → κ = 0
    expect(cohenKappa(['x', 'x'], ['y', 'y'])).toBe(0);
  });

  it('is null for no items and rejects sequences of different lengths', () => {
    expect(cohenKappa([], [])).toBeNull();
    expect(() => cohenKappa(['x'], [])).toThrow(RangeError);
  });
});

describe('krippendorffAlpha', () => {
  it('matches the coincidence-matrix arithmetic for two coders', () => {
    // units (x,x) (x,y) (y,y) (y,y): n_x = 3, n_y = 5, n = 8; one disagreeing unit adds 2.
    // α = 1 − (n − 1)·2 / (n² − n_x² − n_y²) = 1 − 14/30 = 16/30
    expect(krippendorffAlpha([['x', 'x'], ['x', 'y'], ['y', 'y'], ['y', 'y']])).toBeCloseTo(16 / 30, 12);
  });

  it('skips units with a single value and handles three coders', () => {
    // (x,x,y): 6 ordered pairs, 2 alike → 4/(3−1) = 2; (y) skipped; (x,y): 2/1 = 2. Sum 4.
    // n_x = 3, n_y = 2, n = 5: α = 1 − 4·4/(25 − 9 − 4) = 1 − 16/12 = −1/3
    expect(krippendorffAlpha([['x', 'x', 'y'], ['y'], ['x', 'y']])).toBeCloseTo(-1 / 3, 12);
  });

  it('is null when only one value occurs or nothing is pairable', () => {
    expect(krippendorffAlpha([['x', 'x'], ['x', 'x']])).toBeNull();
    expect(krippendorffAlpha([['x'], ['y']])).toBeNull();
  });

  it('gives the same pairwise figure from a cross table as from units', () => {
    const a = ['x', 'y', 'y', 'z', 'x', 'y'];
    const b = ['x', 'y', 'z', 'z', 'y', 'y'];
    expect(alphaFromCrossTable(addToCrossTable(new Map(), a, b))).toBeCloseTo(krippendorffAlpha(a.map((v, i) => [v, b[i]!]))!, 12);
  });
});

describe('addAlphaUnit', () => {
  it('adds a unit given n times as much as the unit added n times over', () => {
    const units: Array<[string[], number]> = [
      [['x', 'x', 'y'], 4],
      [['y', 'y'], 3],
      [['x', 'z', 'y'], 2],
      [['z'], 5],
    ];
    const once = emptyAlphaTotals();
    const repeated = emptyAlphaTotals();
    for (const [values, times] of units) {
      addAlphaUnit(once, values, times);
      for (let i = 0; i < times; i++) addAlphaUnit(repeated, values);
    }
    expect(once.categoryTotals).toEqual(repeated.categoryTotals);
    expect(once.disagreement).toBeCloseTo(repeated.disagreement, 12);
    expect(alphaFromTotals(once)).toBeCloseTo(alphaFromTotals(repeated)!, 12);
  });
});
