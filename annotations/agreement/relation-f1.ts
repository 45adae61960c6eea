/**
 * Relation agreement: two relations match when their source spans, target
 * spans (each by bounds and label) and types are all equal — instance F1
 * over (source, target, type), per relation type. Counted as multisets, like
 * instance F1 over spans.
 */
import type { Annotation, Relation } from '../model';
import { spanIdentity } from '../review/relation-differences';
import { multisetCounts, type F1Counts, type LabelledItem } from './f1-score';

/** One annotator's relations on a document with the annotations they link. */
export interface RelationInput {
  annotations: readonly Annotation[];
  relations?: readonly Relation[] | undefined;
}

function items(input: RelationInput): LabelledItem[] {
  const byId = new Map(input.annotations.map((a) => [a.id, a]));
  const out: LabelledItem[] = [];
  for (const r of input.relations ?? []) {
    const source = byId.get(r.sourceId);
    const target = byId.get(r.targetId);
    if (source && target) out.push({ label: r.typeId, key: `${spanIdentity(source)}|${spanIdentity(target)}|${r.typeId}` });
  }
  return out;
}

/** Per-relation-type match counts between two annotators' relations on one document. */
export function relationCounts(a: RelationInput, b: RelationInput): Map<string, F1Counts> {
  return multisetCounts(items(a), items(b));
}
