import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import { findDifferences } from './differences';
import { acceptAllAgreed, decide, decisionFor, withdrawDecision, type DecisionContext } from './reconcile';
import { reviewProgress } from './review-progress';
import { emptyReviewState, reconciledLayer } from './review-state';

const TEXT = 'The Ministry of Finance met the IMF in Geneva on 3 March 2021.';
const LAYERS: [string, string] = ['own', 'colleague:ben'];

function context(now = '2024-05-01T10:00:00.000Z'): DecisionContext {
  let n = 0;
  return { documentId: 'doc_1', layers: LAYERS, decidedBy: 'ana', now, makeId: (prefix) => `${prefix}_${now}_${++n}` };
}

const mine = annotationsFrom('doc_1', 'ana', [
  [4, 23, 'actor'],
  [32, 35, 'actor'],
  [39, 45, 'date'],
  [49, 61, 'date'],
]).map((a, i) => (i === 3 ? { ...a, note: 'checked' } : a));
const theirs = annotationsFrom('doc_1', 'ben', [
  [0, 23, 'actor'],
  [32, 35, 'policy-body'],
  [49, 61, 'date'],
]);
const diffs = findDifferences(TEXT, mine, theirs);
const byKind = (kind: string) => diffs.find((d) => d.kind === kind)!;

describe('decide', () => {
  it('accepting theirs copies their annotations with new ids and their author', () => {
    const { state, decision } = decide(emptyReviewState(), byKind('label-conflict'), 'accept-theirs', context());
    expect(state.annotations).toHaveLength(1);
    const copy = state.annotations[0]!;
    expect(copy).toMatchObject({ start: 32, end: 35, labelId: 'policy-body', author: 'ben', documentId: 'doc_1' });
    expect(copy.id).not.toBe(theirs[1]!.id);
    expect(decision).toMatchObject({
      action: 'accept-theirs',
      kind: 'label-conflict',
      layers: LAYERS,
      mineIds: [mine[1]!.id],
      theirsIds: [theirs[1]!.id],
      resultIds: [copy.id],
      decidedBy: 'ana',
      decidedAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it('keep-both keeps both sides of a conflict', () => {
    const { state } = decide(emptyReviewState(), byKind('boundary-conflict'), 'keep-both', context());
    expect(state.annotations.map((a) => [a.start, a.end, a.author])).toEqual([
      [0, 23, 'ben'],
      [4, 23, 'ana'],
    ]);
  });

  it('keep-both on an agreement adds a single copy', () => {
    const { state } = decide(emptyReviewState(), byKind('agreed'), 'keep-both', context());
    expect(state.annotations).toHaveLength(1);
    expect(state.annotations[0]!.author).toBe('ana');
  });

  it('reject-both records the decision and adds nothing', () => {
    const { state, decision } = decide(emptyReviewState(), byKind('only-mine'), 'reject-both', context());
    expect(state.annotations).toEqual([]);
    expect(state.decisions).toEqual([decision]);
    expect(decision.resultIds).toEqual([]);
  });

  it('re-deciding a difference replaces the earlier results and decision', () => {
    const first = decide(emptyReviewState(), byKind('label-conflict'), 'accept-theirs', context('2024-05-01T10:00:00.000Z'));
    const second = decide(first.state, byKind('label-conflict'), 'keep-mine', context('2024-05-01T11:00:00.000Z'));
    expect(second.state.decisions).toEqual([second.decision]);
    expect(second.state.annotations.map((a) => [a.labelId, a.author])).toEqual([['actor', 'ana']]);
    expect(second.state.annotations.map((a) => a.id)).toEqual(second.decision.resultIds);
  });

  it('keeps decisions made against another colleague separate', () => {
    const withBen = decide(emptyReviewState(), byKind('only-mine'), 'keep-mine', context()).state;
    const other: DecisionContext = { ...context(), layers: ['own', 'colleague:cho'] };
    const withCho = decide(withBen, byKind('only-mine'), 'reject-both', other).state;
    expect(withCho.decisions).toHaveLength(2);
    expect(withCho.annotations).toHaveLength(1);
  });

  it('does not modify the state it is given', () => {
    const start = emptyReviewState();
    decide(start, byKind('agreed'), 'keep-mine', context());
    expect(start).toEqual(emptyReviewState());
  });
});

describe('withdrawDecision', () => {
  it('removes a decision and the annotations it added', () => {
    const { state } = decide(emptyReviewState(), byKind('boundary-conflict'), 'keep-both', context());
    const back = withdrawDecision(state, byKind('boundary-conflict').key, LAYERS);
    expect(back).toEqual(emptyReviewState());
  });
});

describe('acceptAllAgreed', () => {
  it('keeps my copy of each undecided agreement and leaves decided ones alone', () => {
    const agreedRows: Array<[number, number, string]> = [
      [4, 23, 'actor'],
      [49, 61, 'date'],
    ];
    const a = annotationsFrom('doc_1', 'ana', agreedRows);
    const b = annotationsFrom('doc_1', 'ben', [...agreedRows, [32, 35, 'actor']]);
    const all = findDifferences(TEXT, a, b);
    const rejected = decide(emptyReviewState(), all[0]!, 'reject-both', context()).state;
    const state = acceptAllAgreed(rejected, all, context());
    expect(decisionFor(state.decisions, all[0]!.key, LAYERS)!.action).toBe('reject-both');
    expect(state.annotations.map((x) => [x.start, x.author])).toEqual([[49, 'ana']]);
    expect(reviewProgress(all, state.decisions, LAYERS)).toMatchObject({ decided: 2, total: 3, nextUndecided: 1 }) // order: 4–23, 32–35 (only theirs), 49–61;
  });

  it('carries my note into the reconciled copy', () => {
    const state = acceptAllAgreed(emptyReviewState(), diffs, context());
    expect(state.annotations.map((a) => a.note)).toEqual(['checked']);
  });
});

describe('reviewProgress', () => {
  it('resumes at the next undecided difference after reloading with new ids', () => {
    let state = emptyReviewState();
    state = decide(state, diffs[0]!, 'keep-mine', context()).state;
    state = decide(state, diffs[1]!, 'keep-mine', context()).state;
    const reloaded = findDifferences(
      TEXT,
      mine.map((a) => ({ ...a, id: `r-${a.id}` })),
      theirs.map((a) => ({ ...a, id: `r-${a.id}` })),
    );
    expect(reviewProgress(reloaded, state.decisions, LAYERS)).toEqual({ decided: 2, total: diffs.length, nextUndecided: 2, stale: [] });
  });

  it('wraps round from the current position and reports null when everything is decided', () => {
    let state = emptyReviewState();
    state = decide(state, diffs[0]!, 'keep-mine', context()).state;
    expect(reviewProgress(diffs, state.decisions, LAYERS, diffs.length - 1).nextUndecided).toBe(diffs.length - 1);
    for (const d of diffs) state = decide(state, d, 'keep-mine', context()).state;
    expect(reviewProgress(diffs, state.decisions, LAYERS, 3).nextUndecided).toBeNull();
  });

  it('reports decisions whose difference has gone as stale', () => {
    const { state, decision } = decide(emptyReviewState(), byKind('only-mine'), 'keep-mine', context());
    const withoutGeneva = findDifferences(TEXT, mine.filter((a) => a.start !== 39), theirs);
    expect(reviewProgress(withoutGeneva, state.decisions, LAYERS).stale).toEqual([decision]);
  });
});

describe('reconciledLayer', () => {
  it('exposes the review as a layer of kind reconciled', () => {
    const state = acceptAllAgreed(emptyReviewState(), diffs, context());
    expect(reconciledLayer(state, 'ana')).toEqual({ id: 'reconciled', kind: 'reconciled', author: 'ana', annotations: state.annotations });
  });
});
