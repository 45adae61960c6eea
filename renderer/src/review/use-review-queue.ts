import { useCallback, useEffect, useRef, useState } from 'react';
import { OWN_LAYER_ID, type ReviewDecision } from '../../../annotations/model';
import type { ReviewQueue } from '../../../annotations/review/review-queue';
import { withProgressRow, type ProgressRow } from './review-queue-row';

/** The review's progress over the corpus, and a way to put in the row a decision's answer carried. */
export interface ReviewQueueState {
  /** Null until the first answer, or if the store cannot give one (the review itself still works). */
  queue: ReviewQueue | null;
  /**
   * Puts in the progress row a decision's answer carried, for the document
   * whose decisions are now `decisions`: the queue is then not fetched again
   * for that change of decisions.
   */
  takeRow(row: ProgressRow, decisions: readonly ReviewDecision[]): void;
}

/**
 * The review's progress over every document with the compared layers (the
 * analyst's and one colleague's, or several at once). Fetched when the
 * comparison changes and when this document's decisions change in a way no
 * answer reported (an undo, a pre-acceptance over the corpus, a refresh);
 * after a decision, the row its answer carried is put in instead.
 */
export function useReviewQueue(layerIds: readonly string[], decisions: readonly ReviewDecision[]): ReviewQueueState {
  const key = layerIds.join('\u0000');
  const [queue, setQueue] = useState<{ key: string; queue: ReviewQueue } | null>(null);
  // The decisions an answer's row already accounts for, in the comparison it was counted for.
  const reported = useRef<{ key: string; decisions: readonly ReviewDecision[] } | null>(null);
  const shown = useRef(queue);
  shown.current = queue;
  useEffect(() => {
    if (reported.current?.key === key && reported.current.decisions === decisions) return;
    let live = true;
    const ids = key.split('\u0000');
    const pair = ids.length === 2 && ids[0] === OWN_LAYER_ID && ids[1]!.startsWith('colleague:');
    void window.parley.api.reviewQueue(pair ? { theirsLayerId: ids[1]! } : { layerIds: ids }).then((result) => {
      if (live && result.ok) setQueue({ key, queue: result.value });
    });
    return () => {
      live = false;
    };
  }, [key, decisions]);
  const takeRow = useCallback(
    (row: ProgressRow, after: readonly ReviewDecision[]) => {
      // Without a queue for this comparison yet, the fetch under way (or the next one) counts the decision.
      if (shown.current?.key !== key) return;
      reported.current = { key, decisions: after };
      setQueue((current) => (current && current.key === key ? { key, queue: withProgressRow(current.queue, row) } : current));
    },
    [key],
  );
  return { queue: queue && queue.key === key ? queue.queue : null, takeRow };
}
