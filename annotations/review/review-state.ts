/**
 * What a review produces and resumes from: the reconciled annotations and the
 * decisions that put them there. Stored with the document as the `reconciled`
 * layer plus `CorpusDocument.decisions`.
 */
import { RECONCILED_LAYER_ID, type AnnotationLayer, type ReviewDecision } from '../model';
import type { Annotation, Relation } from '../model';

/** The reconciled annotations, their links, and the decisions behind them. */
export interface ReviewState {
  annotations: Annotation[];
  decisions: ReviewDecision[];
  /** The reconciled layer's links (relation decisions put them there); absent = none. */
  relations?: Relation[];
}

/** A review not yet started. */
export function emptyReviewState(): ReviewState {
  return { annotations: [], decisions: [] };
}

/** The reviewed state as an ordinary layer (kind `reconciled`), exportable like any other. */
export function reconciledLayer(state: ReviewState, reviewer: string): AnnotationLayer {
  return { id: RECONCILED_LAYER_ID, kind: 'reconciled', author: reviewer, annotations: state.annotations, ...(state.relations && state.relations.length > 0 ? { relations: state.relations } : {}) };
}

/**
 * True when a decision was made while comparing exactly these layers, in this
 * order ([mine, theirs], or every layer of a review of several at once).
 */
export function sameLayers(decision: ReviewDecision, layers: readonly string[]): boolean {
  return decision.layers.length === layers.length && decision.layers.every((id, i) => id === layers[i]);
}
