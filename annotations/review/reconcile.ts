/**
 * Deciding differences: pure functions from a review state and a decision to
 * the next review state. Nothing here reads or writes storage.
 *
 * Decisions apply per span. In a label or boundary conflict the spans are
 * first paired into conflicts (`span-pairs.ts`); a span with no partner is in
 * no conflict and every group action keeps it. On the conflicting pairs:
 * - `accept-theirs`: their span of each pair;
 * - `keep-mine`: my span of each pair;
 * - `keep-both`: both;
 * - `reject-both`: neither.
 * On the other kinds (agreed, only mine, only theirs) the action applies to
 * every span: accepting theirs on an `only-mine` difference keeps nothing,
 * keeping mine keeps it, and so on.
 * - `choose-spans`: exactly the spans the reviewer ticked, one by one.
 * A copy of theirs identical in span and label to a kept one of mine is not
 * added twice. Copies get new ids and keep the original author, label, note
 * and times, so provenance survives; the decision records who decided, when,
 * on which layers, and which annotation each copy came from.
 *
 * Deciding a difference that already has a decision (same key, same layers)
 * replaces it: the earlier decision's results are removed first.
 */
import { sortAnnotations } from '../annotation';
import { newId } from '../ids';
import type { Annotation, DecisionAction, ReviewDecision } from '../model';
import type { Difference } from './differences';
import { pairSpans } from './span-pairs';
import { sameLayers, type ReviewState } from './review-state';
import { settleRelations } from './reconciled-relations';

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
export function decisionFor(decisions: readonly ReviewDecision[], differenceKey: string, layers: readonly string[]): ReviewDecision | undefined {
  return decisions.find((d) => d.differenceKey === differenceKey && sameLayers(d, layers));
}

/**
 * Applies `action` to `difference`, replacing any earlier decision on it.
 * With `choose-spans`, `keepIds` lists the ids (from `mineIds` and
 * `theirsIds`) of the spans to keep; ids not in the difference are ignored.
 * Does not modify `state`.
 */
export function decide(state: ReviewState, difference: Difference, action: DecisionAction, context: DecisionContext, keepIds: readonly string[] = []): DecisionOutcome {
  const makeId = context.makeId ?? newId;
  const base = withdrawDecision(state, difference.key, context.layers);
  const sources = keptSpans(difference, action, keepIds);
  const results = sources.map((x): Annotation => ({ ...x, quote: { ...x.quote }, id: makeId('ann'), documentId: context.documentId }));
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
    sourceIds: sources.map((x) => x.id),
    decidedBy: context.decidedBy,
    decidedAt: context.now,
  };
  // Links of the reconciled layer follow their spans (see reconciled-relations.ts).
  const next = settleRelations({ ...base, annotations: sortAnnotations([...base.annotations, ...results]), decisions: [...base.decisions, decision] }, state.annotations);
  return { state: next, decision };
}

/** Removes the decision on `differenceKey` (for these layers) and the annotations it added. Returns `state` itself when there is none. */
export function withdrawDecision(state: ReviewState, differenceKey: string, layers: readonly string[]): ReviewState {
  const earlier = decisionFor(state.decisions, differenceKey, layers);
  if (!earlier) return state;
  const removed = new Set(earlier.resultIds);
  return {
    ...state,
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

/**
 * The spans of `difference` that `action` keeps, mine first then theirs, each
 * in reading order (see the module comment). `keepIds` is used by
 * `choose-spans` only.
 */
export function keptSpans(difference: Difference, action: DecisionAction, keepIds: readonly string[] = []): Annotation[] {
  const keep = keptIds(difference, action, keepIds);
  const mine = difference.mine.filter((x) => keep.has(x.id));
  const kept = new Set(mine.map((x) => `${x.start}:${x.end}:${x.labelId}`));
  return [...mine, ...difference.theirs.filter((y) => keep.has(y.id) && !kept.has(`${y.start}:${y.end}:${y.labelId}`))];
}

/** The ids of the spans `action` keeps (before identical copies are merged). */
export function keptIds(difference: Difference, action: DecisionAction, keepIds: readonly string[] = []): Set<string> {
  const ids = (xs: readonly Annotation[]) => xs.map((x) => x.id);
  const all = [...ids(difference.mine), ...ids(difference.theirs)];
  if (action === 'choose-spans') {
    const wanted = new Set(keepIds);
    return new Set(all.filter((id) => wanted.has(id)));
  }
  if (action === 'keep-both') return new Set(all);
  const conflict = difference.kind === 'label-conflict' || difference.kind === 'boundary-conflict';
  if (!conflict) {
    if (action === 'accept-theirs') return new Set(ids(difference.theirs));
    if (action === 'keep-mine') return new Set(ids(difference.mine));
    return new Set();
  }
  const { pairs, loneMine, loneTheirs } = pairSpans(difference.mine, difference.theirs);
  const kept = new Set([...ids(loneMine), ...ids(loneTheirs)]);
  for (const p of pairs) {
    if (action === 'accept-theirs') kept.add(p.theirs.id);
    if (action === 'keep-mine') kept.add(p.mine.id);
  }
  return kept;
}
