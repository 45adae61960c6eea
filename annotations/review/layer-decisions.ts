/**
 * Deciding differences among several layers (see `layer-differences.ts`):
 * the n-layer counterpart of `reconcile.ts`, with the same rules.
 *
 * Decisions apply per span. A span is *in no conflict* when, against every
 * other compared layer, the pairing of `span-pairs.ts` leaves it without a
 * partner; every group action keeps such spans. On the others:
 * - `keep-mine`: the first layer's spans;
 * - `accept-theirs`: the spans of every other layer;
 * - `keep-both`: all of them; `reject-both`: none of them;
 * - `choose-spans`: exactly the spans ticked (spans in no conflict included).
 * On `agreed`, `only-mine` and `only-theirs` differences the action applies to
 * every span, as with two layers. Identical copies (same bounds and label)
 * from several layers are kept once, from the first layer holding one. Two
 * layers' identical spans inside a group agree with each other and are set
 * aside before pairing, as two layers' agreements are.
 *
 * With two layers every function here gives what `reconcile.ts` gives.
 */
import { sortAnnotations } from '../annotation';
import { newId } from '../ids';
import type { Annotation, DecisionAction, ReviewDecision } from '../model';
import { exactKey, type LayerDifference, type LayerSpan } from './layer-differences';
import { withdrawDecision } from './reconcile';
import { settleRelations } from './reconciled-relations';
import type { ReviewState } from './review-state';
import { pairSpans } from './span-pairs';

/** Who decides, when, and on which layers (all of them, in comparison order). */
export interface LayerDecisionContext {
  documentId: string;
  layers: string[];
  decidedBy: string;
  /** ISO 8601 time of the decision. */
  now: string;
  /** Id generator (defaults to random ids); tests pass a counter. */
  makeId?: (prefix: string) => string;
}

/** The spans of `difference` in no conflict with any other layer's (see the module comment). */
export function spansInNoConflict(difference: LayerDifference): LayerSpan[] {
  const { layerIds, spans } = difference;
  const of = (id: string) => spans.filter((s) => s.layerId === id).map((s) => s.annotation);
  const paired = new Set<Annotation>();
  for (let a = 0; a < layerIds.length; a++) {
    for (let b = a + 1; b < layerIds.length; b++) {
      // As between two layers: spans the two hold identically agree, one to one, and are set aside first.
      const [mine, theirs] = withoutAgreements(of(layerIds[a]!), of(layerIds[b]!));
      for (const p of pairSpans(mine, theirs).pairs) {
        paired.add(p.mine);
        paired.add(p.theirs);
      }
    }
  }
  return spans.filter((s) => !paired.has(s.annotation));
}

function withoutAgreements(mine: readonly Annotation[], theirs: readonly Annotation[]): [Annotation[], Annotation[]] {
  const rest = [...theirs];
  const left: Annotation[] = [];
  for (const x of mine) {
    const i = rest.findIndex((y) => exactKey(y) === exactKey(x));
    if (i >= 0) rest.splice(i, 1);
    else left.push(x);
  }
  return [left, rest];
}

/** The ids of the spans `action` keeps on `difference`, before identical copies are merged. `keepIds` is read by `choose-spans` only. */
export function keptLayerIds(difference: LayerDifference, action: DecisionAction, keepIds: readonly string[] = []): Set<string> {
  const first = difference.layerIds[0];
  const ids = (spans: readonly LayerSpan[]) => spans.map((s) => s.annotation.id);
  const all = difference.spans;
  if (action === 'choose-spans') {
    const wanted = new Set(keepIds);
    return new Set(ids(all).filter((id) => wanted.has(id)));
  }
  if (action === 'keep-both') return new Set(ids(all));
  const conflict = difference.kind === 'label-conflict' || difference.kind === 'boundary-conflict';
  const side = (span: LayerSpan) => (action === 'keep-mine' ? span.layerId === first : action === 'accept-theirs' ? span.layerId !== first : false);
  if (!conflict) return new Set(ids(all.filter(side)));
  const free = new Set(spansInNoConflict(difference));
  return new Set(ids(all.filter((s) => free.has(s) || side(s))));
}

/**
 * The spans `action` keeps, with their layers, in comparison order; a copy
 * identical to a span already kept from an earlier layer is left out (two
 * copies within one layer are both kept, as with two layers).
 */
export function keptLayerSpans(difference: LayerDifference, action: DecisionAction, keepIds: readonly string[] = []): LayerSpan[] {
  const keep = keptLayerIds(difference, action, keepIds);
  const keptFrom = new Map<string, string>();
  return difference.spans.filter((s) => {
    const key = exactKey(s.annotation);
    const from = keptFrom.get(key);
    if (!keep.has(s.annotation.id) || (from !== undefined && from !== s.layerId)) return false;
    keptFrom.set(key, s.layerId);
    return true;
  });
}

/**
 * Applies `action` to `difference`, replacing any earlier decision on it for
 * the same layers, and records which layer each copy came from. Does not
 * modify `state`. `extra` is merged into the decision (the k-of-n rule marks
 * its decisions with it).
 */
export function decideAcross(
  state: ReviewState,
  difference: LayerDifference,
  action: DecisionAction,
  context: LayerDecisionContext,
  keepIds: readonly string[] = [],
  extra: Pick<ReviewDecision, 'preAccepted'> = {},
): { state: ReviewState; decision: ReviewDecision } {
  const makeId = context.makeId ?? newId;
  const base = withdrawDecision(state, difference.key, context.layers);
  const sources = keptLayerSpans(difference, action, keepIds);
  const results = sources.map(({ annotation: x }): Annotation => ({ ...x, quote: { ...x.quote }, id: makeId('ann'), documentId: context.documentId }));
  const decision: ReviewDecision = {
    id: makeId('dec'),
    documentId: context.documentId,
    differenceKey: difference.key,
    kind: difference.kind,
    action,
    layers: [...context.layers],
    mineIds: [...difference.mineIds],
    theirsIds: [...difference.theirsIds],
    resultIds: results.map((x) => x.id),
    sourceIds: sources.map((s) => s.annotation.id),
    sourceLayers: sources.map((s) => s.layerId),
    ...extra,
    decidedBy: context.decidedBy,
    decidedAt: context.now,
  };
  const next = settleRelations({ ...base, annotations: sortAnnotations([...base.annotations, ...results]), decisions: [...base.decisions, decision] }, state.annotations);
  return { state: next, decision };
}
