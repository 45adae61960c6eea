import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import { findDifferences } from './differences';
import { decide } from './reconcile';
import { emptyReviewState } from './review-state';
import { nextUndecidedDocument, reviewQueue, type QueueDocument } from './review-queue';

const TEXT = 'Seoul and Tokyo met in Geneva on 3 March.\r\n통일부 welcomed it 🤝.';
const BEN: [string, string] = ['own', 'colleague:ben'];
const CHO: [string, string] = ['own', 'colleague:cho'];

function doc(id: string, mineRows: Array<[number, number, string]>, theirRows: Array<[number, number, string]>): QueueDocument {
  return { id, title: `Article ${id}`, text: TEXT, mine: annotationsFrom(id, 'ana', mineRows), theirs: annotationsFrom(id, 'ben', theirRows), decisions: [] };
}

function decideAll(d: QueueDocument, layers: [string, string]): QueueDocument {
  let state = emptyReviewState();
  for (const diff of findDifferences(d.text, d.mine, d.theirs)) state = decide(state, diff, 'keep-both', { documentId: d.id, layers, decidedBy: 'ana', now: '2026-11-30T10:00:00.000Z' }).state;
  return { ...d, decisions: [...d.decisions, ...state.decisions] };
}

describe('reviewQueue', () => {
  const a = doc('a', [[0, 5, 'actor']], [[0, 5, 'actor'], [10, 15, 'actor']]);
  const b = doc('b', [[23, 29, 'date']], [[23, 29, 'actor']]);
  const c = doc('c', [], []);

  it('counts decided and total differences per document and overall', () => {
    const queue = reviewQueue([decideAll(a, BEN), b, c], BEN);
    expect(queue.documents.map((e) => [e.documentId, e.decided, e.total])).toEqual([
      ['a', 2, 2],
      ['b', 0, 1],
      ['c', 0, 0],
    ]);
    expect([queue.decided, queue.total]).toEqual([2, 3]);
  });

  it('goes to the next document with undecided differences, wrapping round and skipping finished ones', () => {
    const queue = reviewQueue([decideAll(a, BEN), b, c], BEN);
    expect(nextUndecidedDocument(queue, 'a')?.documentId).toBe('b');
    expect(nextUndecidedDocument(queue, 'c')?.documentId).toBe('b');
    expect(nextUndecidedDocument(queue, 'b')?.documentId).toBe('b');
    expect(nextUndecidedDocument(queue, null)?.documentId).toBe('b');
    expect(nextUndecidedDocument(reviewQueue([decideAll(a, BEN), decideAll(b, BEN), c], BEN), 'a')).toBeNull();
  });

  it('keeps decisions made against one colleague apart from another’s', () => {
    const withCho = decideAll(a, CHO);
    expect(reviewQueue([withCho], BEN).decided).toBe(0);
    expect(reviewQueue([withCho], CHO).decided).toBe(2);
  });
});
