/**
 * Links in the reconciled layer: how a relation decision is told from a span
 * decision, and how the layer's links stay on its spans when span decisions
 * change it. A link joins two spans of the reconciled layer; when a span
 * decision replaces the copy a link ends at, the link moves to the new copy
 * of the same span (same bounds and label); when the span is gone, the link
 * goes, and so does the relation decision that put it there (its difference
 * is undecided again), in the same step.
 */
import type { Annotation, Relation, ReviewDecision } from '../model';
import { spanIdentity } from './relation-differences';
import type { ReviewState } from './review-state';

/** Prefix of the `differenceKey` of a decision on a relation difference (the rest is the relation difference's key). */
export const RELATION_KEY_PREFIX = 'relation:';

/** True when `decision` settles a relation difference rather than a span difference. */
export function isRelationDecision(decision: Pick<ReviewDecision, 'differenceKey'>): boolean {
  return decision.differenceKey.startsWith(RELATION_KEY_PREFIX);
}

/**
 * `state` with its links kept on its spans after a span decision: `before` is
 * the reconciled layer's annotations before that decision, so a link's end
 * that was replaced can be found again by its bounds and label. Returns
 * `state` itself when every link still has both ends.
 */
export function settleRelations(state: ReviewState, before: readonly Annotation[]): ReviewState {
  const relations = state.relations ?? [];
  if (relations.length === 0) return state;
  const present = new Set(state.annotations.map((a) => a.id));
  if (relations.every((r) => present.has(r.sourceId) && present.has(r.targetId))) return state;
  const old = new Map(before.map((a) => [a.id, a]));
  const byIdentity = new Map<string, string>();
  for (const a of state.annotations) if (!byIdentity.has(spanIdentity(a))) byIdentity.set(spanIdentity(a), a.id);
  const endOf = (id: string): string | undefined => {
    if (present.has(id)) return id;
    const was = old.get(id);
    return was ? byIdentity.get(spanIdentity(was)) : undefined;
  };
  const lost = new Set<string>();
  const kept: Relation[] = [];
  for (const r of relations) {
    const sourceId = endOf(r.sourceId);
    const targetId = endOf(r.targetId);
    if (!sourceId || !targetId) lost.add(r.id);
    else kept.push(sourceId === r.sourceId && targetId === r.targetId ? r : { ...r, sourceId, targetId });
  }
  if (lost.size === 0) return { ...state, relations: kept };
  // A relation decision that lost a link is withdrawn whole: its other links go too.
  const withdrawn = new Set(state.decisions.filter((d) => isRelationDecision(d) && d.resultIds.some((id) => lost.has(id))));
  const gone = new Set([...withdrawn].flatMap((d) => d.resultIds));
  return { annotations: state.annotations, decisions: state.decisions.filter((d) => !withdrawn.has(d)), relations: kept.filter((r) => !gone.has(r.id)) };
}
