import { useEffect, useState } from 'react';
import { OWN_LAYER_ID, type ReviewDecision } from '../../../annotations/model';
import type { ReviewQueue } from '../../../annotations/review/review-queue';

/**
 * The review's progress over every document with the compared layers (the
 * analyst's and one colleague's, or several at once), fetched again whenever
 * this document's decisions change. Null until the first answer, or if the
 * store cannot give one (the review itself still works).
 */
export function useReviewQueue(layerIds: readonly string[], decisions: readonly ReviewDecision[]): ReviewQueue | null {
  const key = layerIds.join('\u0000');
  const [queue, setQueue] = useState<{ key: string; queue: ReviewQueue } | null>(null);
  useEffect(() => {
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
  return queue && queue.key === key ? queue.queue : null;
}
