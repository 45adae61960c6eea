/**
 * Putting one document's progress row, as a decision's answer carries it
 * (`ReviewChange.progress`), into the review's progress over the corpus,
 * so a decision needs no second call to count the corpus again.
 */
import type { ReviewQueue } from '../../../annotations/review/review-queue';
import type { ReviewChange } from '../../../shared/library';

/** One document's progress row. */
export type ProgressRow = NonNullable<ReviewChange['progress']>;

/**
 * `queue` with the row of `row.documentId` replaced (in place, keeping the
 * order) and the corpus totals counted again; `queue` itself when it has no
 * such document (it is not part of this comparison).
 */
export function withProgressRow(queue: ReviewQueue, row: ProgressRow): ReviewQueue {
  const at = queue.documents.findIndex((d) => d.documentId === row.documentId);
  if (at < 0) return queue;
  const documents = queue.documents.map((d, i) => (i === at ? { ...d, decided: row.decided, total: row.total } : d));
  return { documents, decided: documents.reduce((n, d) => n + d.decided, 0), total: documents.reduce((n, d) => n + d.total, 0) };
}
