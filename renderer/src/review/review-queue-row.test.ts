import { describe, expect, it } from 'vitest';
import type { ReviewQueue } from '../../../annotations/review/review-queue';
import { withProgressRow } from './review-queue-row';

const queue: ReviewQueue = {
  documents: [
    { documentId: 'doc_a', title: 'Working group ends', decided: 1, total: 4 },
    { documentId: 'doc_b', title: '통일부 briefing 🇰🇷', decided: 0, total: 3 },
    { documentId: 'doc_c', title: 'Camp David', decided: 2, total: 2 },
  ],
  decided: 3,
  total: 9,
};

describe('withProgressRow', () => {
  it('replaces the document’s row in place and counts the corpus again', () => {
    const next = withProgressRow(queue, { documentId: 'doc_b', title: '통일부 briefing 🇰🇷', decided: 2, total: 3 });
    expect(next.documents.map((d) => [d.documentId, d.decided, d.total])).toEqual([
      ['doc_a', 1, 4],
      ['doc_b', 2, 3],
      ['doc_c', 2, 2],
    ]);
    expect([next.decided, next.total]).toEqual([5, 9]);
    expect(next.documents[0]).toBe(queue.documents[0]);
    expect(queue.documents[1]!.decided).toBe(0);
  });

  it('takes a total that changed (a decision can leave a difference that was split) and an undone decision', () => {
    const next = withProgressRow(queue, { documentId: 'doc_a', title: 'Working group ends', decided: 0, total: 5 });
    expect([next.decided, next.total]).toEqual([2, 10]);
  });

  it('leaves the queue as it is for a document outside the comparison', () => {
    expect(withProgressRow(queue, { documentId: 'doc_x', title: 'elsewhere', decided: 1, total: 1 })).toBe(queue);
  });
});
