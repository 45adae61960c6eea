import { useEffect, useState } from 'react';
import type { ReviewDecision } from '../../../annotations/model';
import type { ReviewQueue } from '../../../annotations/review/review-queue';

/**
 * The review's progress over every document with the colleague's layer,
 * fetched again whenever this document's decisions change. Null until the
 * first answer, or if the store cannot give one (the review itself still
 * works).
 */
export function useReviewQueue(theirsLayerId: string, decisions: readonly ReviewDecision[]): ReviewQueue | null {
  const [queue, setQueue] = useState<{ layer: string; queue: ReviewQueue } | null>(null);
  useEffect(() => {
    let live = true;
    void window.parley.api.reviewQueue({ theirsLayerId }).then((result) => {
      if (live && result.ok) setQueue({ layer: theirsLayerId, queue: result.value });
    });
    return () => {
      live = false;
    };
  }, [theirsLayerId, decisions]);
  return queue && queue.layer === theirsLayerId ? queue.queue : null;
}
