/**
 * Deciding relation differences in review, as span differences are decided:
 * a pure function from a review state and a decision to the next state.
 *
 * - `agreed`: keeping mine or accepting theirs keeps the one link (mine
 *   carries my note); both keeps it once; reject keeps none.
 * - `different-type` (same spans, another type): mine or theirs keeps that
 *   side's type; both keeps two links between the spans, one of each type.
 * - `only-mine` / `only-theirs`: keep or accept keeps the link, the other
 *   actions drop it.
 * A kept link is copied into the reconciled layer between the reconciled
 * copies of its ends (same bounds and label). When an end is not there — its
 * span difference was rejected or is not decided yet — the decision is
 * refused and names the span to accept first: a link never brings a span into
 * the reconciled layer behind the span decisions' back.
 *
 * The decision is recorded like a span decision, its `differenceKey` prefixed
 * `relation:`, its `kind` the span kind that reads the same (`label-conflict`
 * for a different type), and its ids those of relations: `mineIds` and
 * `theirsIds` the compared links, `resultIds` the reconciled copies and
 * `sourceIds` what each copies.
 */
import { newId } from '../ids';
import type { Annotation, AnnotationLayer, DecisionAction, DifferenceKind, LabelSchema, Relation, ReviewDecision } from '../model';
import { fail, ok, type Result } from '../result';
import { oneLine } from '../text/ellipsis';
import { decisionFor, type DecisionContext, type DecisionOutcome } from './reconcile';
import { RELATION_KEY_PREFIX } from './reconciled-relations';
import { relationDifferences, spanIdentity, type RelationDifference, type RelationDifferenceKind } from './relation-differences';
import type { ReviewState } from './review-state';

/** A relation difference with the key its decision is stored under (unique within the comparison). */
export interface ReviewedRelation extends RelationDifference {
  decisionKey: string;
}

/** The span kind a relation decision is recorded as. */
const RECORDED_KIND: Readonly<Record<RelationDifferenceKind, DifferenceKind>> = {
  agreed: 'agreed',
  'different-type': 'label-conflict',
  'only-mine': 'only-mine',
  'only-theirs': 'only-theirs',
};

/**
 * The relation differences of two layers (see `relationDifferences`), each
 * with its decision key: `relation:` + kind + the difference's key, and a
 * `#n` suffix on the second and later of identical ones (the same link drawn
 * twice), so every difference can be decided on its own.
 */
export function reviewedRelations(mine: Pick<AnnotationLayer, 'annotations' | 'relations'>, theirs: Pick<AnnotationLayer, 'annotations' | 'relations'>, schema?: LabelSchema): ReviewedRelation[] {
  const seen = new Map<string, number>();
  return relationDifferences(mine, theirs, schema).map((d) => {
    const base = `${RELATION_KEY_PREFIX}${d.kind}|${d.key}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...d, decisionKey: n === 1 ? base : `${base}#${n}` };
  });
}

/** The links `action` keeps of `difference`, mine first; fails for `choose-spans`, which has no meaning for a link. */
export function keptRelations(difference: RelationDifference, action: DecisionAction): Result<Relation[]> {
  const { mine, theirs } = difference;
  const side = (r: Relation | undefined) => (r ? [r] : []);
  switch (action) {
    case 'choose-spans':
      return fail('invalid-input', 'a link is decided as a whole: keep mine, accept theirs, keep both or reject');
    case 'reject-both':
      return ok([]);
    case 'keep-mine':
      return ok(side(mine));
    case 'accept-theirs':
      return ok(side(theirs));
    case 'keep-both':
      // An agreed link is one link, kept once.
      return ok(difference.kind === 'agreed' ? side(mine) : [...side(mine), ...side(theirs)]);
  }
}

/** What a relation decision needs besides the review's context: the compared layers' spans, to find each link's ends. */
export interface RelationDecisionInput {
  mine: readonly Annotation[];
  theirs: readonly Annotation[];
  /** A label's name for messages (its id when absent). */
  labelName?: (labelId: string) => string;
}

/**
 * Applies `action` to a relation difference, replacing any earlier decision
 * on it. Fails with `conflict`, changing nothing, when a kept link's end is
 * not in the reconciled layer (the message names the span to accept first),
 * and with `invalid-input` for `choose-spans`. Does not modify `state`.
 */
export function decideRelation(state: ReviewState, difference: ReviewedRelation, action: DecisionAction, context: DecisionContext, input: RelationDecisionInput): Result<DecisionOutcome> {
  const kept = keptRelations(difference, action);
  if (!kept.ok) return kept;
  const makeId = context.makeId ?? newId;
  const base = withdrawRelationDecision(state, difference.decisionKey, context.layers);
  const reconciled = new Map<string, Annotation>();
  for (const a of base.annotations) if (!reconciled.has(spanIdentity(a))) reconciled.set(spanIdentity(a), a);
  const mineIds = new Set(difference.mine ? [difference.mine.id] : []);
  const spansOf = (r: Relation) => new Map((mineIds.has(r.id) ? input.mine : input.theirs).map((a) => [a.id, a]));
  const existing = base.relations ?? [];
  const results: Relation[] = [];
  const sources: Relation[] = [];
  for (const r of kept.value) {
    const spans = spansOf(r);
    const ends: Annotation[] = [];
    for (const id of [r.sourceId, r.targetId]) {
      const span = spans.get(id);
      const copy = span ? reconciled.get(spanIdentity(span)) : undefined;
      if (!span) return fail('not-found', 'one end of this link is no longer in its layer; the layers changed since it was listed');
      if (!copy) {
        const label = input.labelName?.(span.labelId) ?? span.labelId;
        return fail('conflict', `“${oneLine(span.quote.exact, 40)}” (${label}) is not in the reconciled layer: accept that span first, then the link`);
      }
      ends.push(copy);
    }
    const [source, target] = ends as [Annotation, Annotation];
    const same = (x: Relation) => x.sourceId === source.id && x.targetId === target.id && x.typeId === r.typeId;
    // The same link is not kept twice (another decision, or this one, already holds it).
    if (existing.some(same) || results.some(same)) continue;
    results.push({ ...r, id: makeId('rel'), documentId: context.documentId, sourceId: source.id, targetId: target.id });
    sources.push(r);
  }
  const decision: ReviewDecision = {
    id: makeId('dec'),
    documentId: context.documentId,
    differenceKey: difference.decisionKey,
    kind: RECORDED_KIND[difference.kind],
    action,
    layers: [context.layers[0], context.layers[1]],
    mineIds: difference.mine ? [difference.mine.id] : [],
    theirsIds: difference.theirs ? [difference.theirs.id] : [],
    resultIds: results.map((r) => r.id),
    sourceIds: sources.map((r) => r.id),
    decidedBy: context.decidedBy,
    decidedAt: context.now,
  };
  return ok({ state: { ...base, relations: [...existing, ...results], decisions: [...base.decisions, decision] }, decision });
}

/** Removes the decision on a relation difference (for these layers) and the links it added. Returns `state` itself when there is none. */
export function withdrawRelationDecision(state: ReviewState, decisionKey: string, layers: readonly string[]): ReviewState {
  const earlier = decisionFor(state.decisions, decisionKey, layers);
  if (!earlier) return state;
  const removed = new Set(earlier.resultIds);
  return { ...state, relations: (state.relations ?? []).filter((r) => !removed.has(r.id)), decisions: state.decisions.filter((d) => d !== earlier) };
}

/**
 * "Accept all agreed" for links: keeps my copy of every agreed link that has
 * no decision yet and whose ends are both in the reconciled layer; the others
 * are left for the reviewer. Returns the new state and how many were kept.
 */
export function acceptAgreedRelations(state: ReviewState, differences: readonly ReviewedRelation[], context: DecisionContext, input: RelationDecisionInput): { state: ReviewState; decided: number } {
  let next = state;
  let decided = 0;
  for (const d of differences) {
    if (d.kind !== 'agreed' || decisionFor(next.decisions, d.decisionKey, context.layers)) continue;
    const outcome = decideRelation(next, d, 'keep-mine', context, input);
    if (!outcome.ok) continue;
    next = outcome.value.state;
    decided++;
  }
  return { state: next, decided };
}
