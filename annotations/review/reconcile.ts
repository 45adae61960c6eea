/**
 * Deciding differences: pure functions from a review state and a decision to
 * the next review state. Nothing here reads or writes storage.
 *
 * What each action puts in the reconciled layer:
 * - `accept-theirs`: copies of their annotations in the difference;
 * - `keep-mine`: copies of mine;
 * - `keep-both`: copies of mine, then of theirs except those identical to a
 *   kept one in span and label (so keeping both sides of an agreement does
 *   not duplicate it);
 * - `reject-both`: nothing (the decision is still recorded).
 * An action whose side is empty (accepting theirs on an `only-mine`
 * difference) therefore adds nothing. Copies get new ids and keep the
 * original author, label, note and times, so provenance survives; the
 * decision records who decided, when, on which layers, from which ids.
 *
 * Deciding a difference that already has a decision (same key, same layers)
 * replaces it: the earlier decision's results are removed first.
 */
import { sortAnnotations } from '../annotation';
import { newId } from '../ids';
import type { Annotation, DecisionAction, ReviewDecision } from '../model';
import type { Difference } from './differences';
import { sameLayers, type ReviewState } from './review-state';

/** Who decides, when, and on which comparison. */
export interface DecisionContext {
  /** The document under review; copies and the decision carry this id. */
  documentId: string;
  /** Layer ids compared: [mine, theirs]. */
  layers: [string, string];
  decidedBy: string;
  /** ISO 8601 time of the decision. */
  now: string;
  /** Id generator (defaults to random ids); tests pass a counter. */
  makeId?: (prefix: string) => string;
}

/** The new state and the decision just recorded. */
export interface DecisionOutcome {
  state: ReviewState;
  decision: ReviewDecision;
}

/** The decision recorded for a difference on these layers, if any. */
export function decisionFor(decisions: readonly ReviewDecision[], differenceKey: string, layers: readonly [string, string]): ReviewDecision | undefined {
  return decisions.find((d) => d.differenceKey === differenceKey && sameLayers(d, layers));
}

/** Applies `action` to `difference`, replacing any earlier decision on it. Does not modify `state`. */
export function decide(state: ReviewState, difference: Difference, action: DecisionAction, context: DecisionContext): DecisionOutcome {
  const makeId = context.makeId ?? newId;
  const base = withdrawDecision(state, difference.key, context.layers);
  const results = resultsOf(difference, action).map((x): Annotation => ({ ...x, quote: { ...x.quote }, id: makeId('ann'), documentId: context.documentId }));
  const decision: ReviewDecision = {
    id: makeId('dec'),
    documentId: context.documentId,
    differenceKey: difference.key,
    kind: difference.kind,
    action,
    layers: [context.layers[0], context.layers[1]],
    mineIds: [...difference.mineIds],
    theirsIds: [...difference.theirsIds],
    resultIds: results.map((x) => x.id),
    decidedBy: context.decidedBy,
    decidedAt: context.now,
  };
  return {
    state: { annotations: sortAnnotations([...base.annotations, ...results]), decisions: [...base.decisions, decision] },
    decision,
  };
}

/** Removes the decision on `differenceKey` (for these layers) and the annotations it added. Returns `state` itself when there is none. */
export function withdrawDecision(state: ReviewState, differenceKey: string, layers: readonly [string, string]): ReviewState {
  const earlier = decisionFor(state.decisions, differenceKey, layers);
  if (!earlier) return state;
  const removed = new Set(earlier.resultIds);
  return {
    annotations: state.annotations.filter((x) => !removed.has(x.id)),
    decisions: state.decisions.filter((d) => d !== earlier),
  };
}

/**
 * "Accept all agreed": keeps my copy of every `agreed` difference that has no
 * decision yet (my copy, so my notes come along; span and label are the same
 * on both sides). Differences already decided are left alone.
 */
export function acceptAllAgreed(state: ReviewState, differences: readonly Difference[], context: DecisionContext): ReviewState {
  let next = state;
  for (const d of differences) {
    if (d.kind !== 'agreed' || decisionFor(next.decisions, d.key, context.layers)) continue;
    next = decide(next, d, 'keep-mine', context).state;
  }
  return next;
}

function resultsOf(difference: Difference, action: DecisionAction): Annotation[] {
  switch (action) {
    case 'accept-theirs':
      return difference.theirs;
    case 'keep-mine':
      return difference.mine;
    case 'reject-both':
      return [];
    case 'keep-both': {
      const kept = new Set(difference.mine.map((x) => `${x.start}:${x.end}:${x.labelId}`));
      return [...difference.mine, ...difference.theirs.filter((y) => !kept.has(`${y.start}:${y.end}:${y.labelId}`))];
    }
  }
}
