/** How far a review has got, and where to go next; what lets review stop and resume anywhere. */
import type { ReviewDecision } from '../model';
import type { Difference } from './differences';
import { decidedKeys, findUndecided } from './difference-navigation';
import { sameLayers } from './review-state';

/** Progress through the differences of one comparison. */
export interface ReviewProgress {
  /** Differences with a decision on these layers. */
  decided: number;
  total: number;
  /** Index of the first undecided difference at or after `from` (wrapping round), or `null` when all are decided. */
  nextUndecided: number | null;
  /** Decisions on these layers whose difference no longer exists (a layer changed since); their results stay in the reconciled layer. */
  stale: ReviewDecision[];
}

/**
 * Counts decided differences for the comparison `layers` ([mine, theirs]) and
 * finds the next one to look at, starting from index `from` (default 0).
 * `relationKeys` are the decision keys of the relation differences
 * (`reviewedRelations`): they count in `decided` and `total` like span
 * differences; `nextUndecided` is an index into `differences` only.
 */
export function reviewProgress(
  differences: readonly Difference[],
  decisions: readonly ReviewDecision[],
  layers: readonly string[],
  from = 0,
  relationKeys: readonly string[] = [],
): ReviewProgress {
  const decided = decidedKeys(decisions, layers);
  const currentKeys = new Set([...differences.map((d) => d.key), ...relationKeys]);
  return {
    decided: differences.filter((d) => decided.has(d.key)).length + relationKeys.filter((k) => decided.has(k)).length,
    total: differences.length + relationKeys.length,
    nextUndecided: findUndecided(differences, decided, from),
    stale: decisions.filter((d) => sameLayers(d, layers) && !currentKeys.has(d.differenceKey)),
  };
}
