import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import { findDifferences } from './differences';
import { countByKind, decidedKeys, differenceAt, findUndecided, stepIndex } from './difference-navigation';
import { decide } from './reconcile';
import { emptyReviewState } from './review-state';

const TEXT = 'The Ministry of Finance met the IMF in Geneva on 3 March 2021.';
// "The Ministry of Finance" 0–23, "met" 24–27, "IMF" 32–35, "Geneva" 39–45, "3 March 2021" 49–61
const mine = annotationsFrom('d', 'me', [
  [0, 35, 'position'],
  [4, 23, 'actor'],
  [39, 45, 'date'],
  [49, 61, 'date'],
]);
const theirs = annotationsFrom('d', 'you', [
  [4, 23, 'actor'],
  [24, 27, 'position'],
  [49, 61, 'date'],
  [32, 35, 'policy-body'],
]);
const diffs = findDifferences(TEXT, mine, theirs);

describe('stepIndex', () => {
  it('moves one step and wraps round at both ends', () => {
    expect(stepIndex(0, 1, 3)).toBe(1);
    expect(stepIndex(2, 1, 3)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
  });

  it('starts at the first or the last difference when none is focused', () => {
    expect(stepIndex(null, 1, 4)).toBe(0);
    expect(stepIndex(null, -1, 4)).toBe(3);
  });

  it('has nowhere to go in an empty list', () => {
    expect(stepIndex(null, 1, 0)).toBeNull();
    expect(stepIndex(2, -1, 0)).toBeNull();
  });
});

describe('findUndecided', () => {
  it('finds the next undecided difference from a position, wrapping round', () => {
    const decided = new Set([diffs[1]!.key, diffs[2]!.key]);
    expect(findUndecided(diffs, decided, 1)).toBe(3);
    expect(findUndecided(diffs, decided, 0)).toBe(0);
    const allButFirst = new Set(diffs.slice(1).map((d) => d.key));
    expect(findUndecided(diffs, allButFirst, 2)).toBe(0);
  });

  it('reports null when everything is decided or there is nothing', () => {
    expect(findUndecided(diffs, new Set(diffs.map((d) => d.key)), 2)).toBeNull();
    expect(findUndecided([], new Set(), 0)).toBeNull();
  });

  it('takes a position past the end modulo the length', () => {
    expect(findUndecided(diffs, new Set(), diffs.length + 1)).toBe(1);
  });
});

describe('decidedKeys', () => {
  it('counts only decisions made on the same pair of layers', () => {
    const ctx = { documentId: 'd', decidedBy: 'me', now: '2024-05-01T10:00:00.000Z' };
    let state = decide(emptyReviewState(), diffs[0]!, 'keep-mine', { ...ctx, layers: ['own', 'colleague:you'] }).state;
    state = decide(state, diffs[1]!, 'keep-mine', { ...ctx, layers: ['own', 'colleague:other'] }).state;
    expect([...decidedKeys(state.decisions, ['own', 'colleague:you'])]).toEqual([diffs[0]!.key]);
  });
});

describe('differenceAt', () => {
  it('picks the shortest difference covering a position, so a nested agreement wins over its container', () => {
    const ministry = diffs.findIndex((d) => d.kind === 'agreed' && d.quote === 'Ministry of Finance');
    const container = diffs.findIndex((d) => d.start === 0);
    expect(container).not.toBe(ministry);
    expect(differenceAt(diffs, 6)).toBe(ministry);
    expect(differenceAt(diffs, 1)).toBe(container);
  });

  it('finds nothing between differences and treats the end as outside', () => {
    expect(differenceAt(diffs, 46)).toBeNull();
    expect(differenceAt(diffs, 45)).toBeNull();
    expect(diffs[differenceAt(diffs, 44)!]!.quote).toBe('Geneva');
  });
});

describe('countByKind', () => {
  it('counts every kind, including those that do not occur', () => {
    expect(countByKind(diffs)).toEqual({ agreed: 2, 'label-conflict': 1, 'boundary-conflict': 0, 'only-mine': 1, 'only-theirs': 0 });
    expect(countByKind([])).toEqual({ agreed: 0, 'label-conflict': 0, 'boundary-conflict': 0, 'only-mine': 0, 'only-theirs': 0 });
  });
});
