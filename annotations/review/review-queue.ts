/**
 * The review across the corpus: for each document that has the colleague's
 * layer, how many of its differences with the analyst's layer are decided,
 * and which document to open next. Decisions are matched by layers, so
 * reviewing against another colleague in between changes nothing here.
 */
import type { Annotation, LabelSchema, Relation, ReviewDecision } from '../model';
import { findDifferences } from './differences';
import { findLayerDifferences, type ReviewLayer } from './layer-differences';
import { reviewProgress } from './review-progress';
import { reviewedRelations } from './relation-decisions';

/** One document as the comparison sees it. */
export interface QueueDocument {
  id: string;
  title: string;
  text: string;
  mine: readonly Annotation[];
  theirs: readonly Annotation[];
  /**
   * Every layer compared, in comparison order, for a review of several
   * layers at once; when given, `mine` and `theirs` are not read.
   */
  layers?: readonly ReviewLayer[];
  /** The links of the first two layers compared (`mine` and `theirs`, or `layers`' first two); given for a review of two layers, their differences count too. */
  mineRelations?: readonly Relation[];
  theirsRelations?: readonly Relation[];
  decisions: readonly ReviewDecision[];
}

/** One document's progress. */
export interface QueueEntry {
  documentId: string;
  title: string;
  decided: number;
  total: number;
}

/** The corpus's progress, per document (in the order given) and overall. */
export interface ReviewQueue {
  documents: QueueEntry[];
  decided: number;
  total: number;
}

/**
 * Progress over `documents` for the comparison `layers` ([mine, theirs], or
 * every layer reviewed at once), link differences included in a review of two
 * layers (`schema` says which relation types are undirected). Never throws.
 */
export function reviewQueue(documents: readonly QueueDocument[], layers: readonly string[], schema?: LabelSchema): ReviewQueue {
  const entries = documents.map((d): QueueEntry => {
    const differences = d.layers ? findLayerDifferences(d.text, d.layers) : findDifferences(d.text, d.mine, d.theirs);
    const [mine, theirs] = d.layers ? [d.layers[0]?.annotations ?? [], d.layers[1]?.annotations ?? []] : [d.mine, d.theirs];
    const links =
      !d.mineRelations?.length && !d.theirsRelations?.length
        ? []
        : reviewedRelations({ annotations: [...mine], relations: [...(d.mineRelations ?? [])] }, { annotations: [...theirs], relations: [...(d.theirsRelations ?? [])] }, schema).map((r) => r.decisionKey);
    const progress = reviewProgress(differences, d.decisions, layers, 0, links);
    return { documentId: d.id, title: d.title, decided: progress.decided, total: progress.total };
  });
  return {
    documents: entries,
    decided: entries.reduce((n, e) => n + e.decided, 0),
    total: entries.reduce((n, e) => n + e.total, 0),
  };
}

/**
 * The next document after `currentId` (wrapping round, the current one
 * last) that still has undecided differences, or null when every document
 * is done.
 */
export function nextUndecidedDocument(queue: ReviewQueue, currentId: string | null): QueueEntry | null {
  const list = queue.documents;
  const at = list.findIndex((e) => e.documentId === currentId);
  for (let step = 1; step <= list.length; step++) {
    const entry = list[(at + step + list.length) % list.length]!;
    if (entry.decided < entry.total) return entry;
  }
  return null;
}
