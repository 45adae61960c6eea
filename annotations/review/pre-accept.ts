/**
 * "k of n agree": when the analyst turns it on, a span held exactly (same
 * start, end and label) by at least k of the n compared layers is accepted
 * into the reconciled layer without asking, as an ordinary decision (a
 * `choose-spans` marked `preAccepted`, with its sources and their layers),
 * undone and redone like any other.
 *
 * The rule never drops a span that nobody outvoted. A difference is decided
 * only when each of its spans is either held by k layers or more (kept, once)
 * or in conflict with such a span: the same bounds with another label, or the
 * same label on overlapping bounds (dropped). A difference with any other
 * span (a nested span of another label, a span no agreed span touches) is
 * left for the analyst, as is every difference that already has a decision.
 */
import type { Annotation } from '../model';
import { fail, ok, type Result } from '../result';
import { exactKey, type LayerDifference, type LayerSpan } from './layer-differences';
import { decideAcross, type LayerDecisionContext } from './layer-decisions';
import { decisionFor } from './reconcile';
import type { ReviewState } from './review-state';

/** The spans of `difference` that the k-of-n rule keeps, or null when it leaves the difference for the analyst. */
export function spansAgreedByK(difference: LayerDifference, k: number): LayerSpan[] | null {
  const holders = new Map<string, Set<string>>();
  for (const s of difference.spans) {
    const key = exactKey(s.annotation);
    const set = holders.get(key) ?? new Set<string>();
    set.add(s.layerId);
    holders.set(key, set);
  }
  const seen = new Set<string>();
  const kept = difference.spans.filter((s) => {
    const key = exactKey(s.annotation);
    if ((holders.get(key)?.size ?? 0) < k || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (kept.length === 0) return null;
  const outvoted = (x: Annotation) =>
    kept.some(({ annotation: y }) => (x.start === y.start && x.end === y.end) || (x.labelId === y.labelId && x.start < y.end && y.start < x.end));
  const everyOtherOutvoted = difference.spans.every((s) => (holders.get(exactKey(s.annotation))?.size ?? 0) >= k || outvoted(s.annotation));
  return everyOtherOutvoted ? kept : null;
}

/**
 * Decides, by the k-of-n rule, every undecided difference of `differences`
 * it can (see the module comment). Fails, changing nothing, when `k` is not a
 * whole number from 2 to the number of layers compared. Returns the new state
 * and how many differences it decided.
 */
export function preAcceptAgreed(
  state: ReviewState,
  differences: readonly LayerDifference[],
  k: number,
  context: LayerDecisionContext,
): Result<{ state: ReviewState; decided: number }> {
  const n = context.layers.length;
  if (!Number.isInteger(k) || k < 2 || k > n) {
    return fail('invalid-input', `“k of n agree” needs k from 2 to ${n} (the number of layers compared), got ${k}`);
  }
  let next = state;
  let decided = 0;
  for (const d of differences) {
    if (decisionFor(next.decisions, d.key, context.layers)) continue;
    const kept = spansAgreedByK(d, k);
    if (!kept) continue;
    const ids = kept.map((s) => s.annotation.id);
    next = decideAcross(next, d, 'choose-spans', context, ids, { preAccepted: { k, n } }).state;
    decided++;
  }
  return ok({ state: next, decided });
}
