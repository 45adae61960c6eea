/**
 * Relation agreement: two relations match when their source spans, target
 * spans (each by bounds and label) and types are all equal — instance F1
 * over (source, target, type), per relation type. Counted as multisets, like
 * instance F1 over spans. A type marked undirected matches its ends either way
 * round, as review's relation differences do, so the figures count exactly
 * the links the review panel lists as agreed.
 */
import type { Annotation, Relation } from '../model';
import { spanIdentity } from '../review/relation-differences';
import { multisetCounts, type F1Counts, type LabelledItem } from './f1-score';

/** One annotator's relations on a document with the annotations they link. */
export interface RelationInput {
  annotations: readonly Annotation[];
  relations?: readonly Relation[] | undefined;
}

function items(input: RelationInput, undirected: ReadonlySet<string>): LabelledItem[] {
  if (!input.relations?.length) return [];
  const byId = new Map(input.annotations.map((a) => [a.id, a]));
  const out: LabelledItem[] = [];
  for (const r of input.relations ?? []) {
    const source = byId.get(r.sourceId);
    const target = byId.get(r.targetId);
    if (!source || !target) continue;
    let ends = [spanIdentity(source), spanIdentity(target)];
    if (undirected.has(r.typeId)) ends = ends.sort();
    out.push({ label: r.typeId, key: `${ends.join('|')}|${r.typeId}` });
  }
  return out;
}

/** Per-relation-type match counts between two annotators' relations on one document; `undirected` lists the relation types whose direction does not count. */
export function relationCounts(a: RelationInput, b: RelationInput, undirected: ReadonlySet<string> = new Set()): Map<string, F1Counts> {
  return multisetCounts(items(a, undirected), items(b, undirected));
}
