/**
 * Instance-level agreement: two annotations match only when label, start and
 * end are all equal. Annotations are counted as multisets, so a span given
 * twice by one annotator and once by the other is one match out of 2 + 1.
 */
import type { Annotation } from '../model';
import { multisetCounts, type F1Counts, type LabelledItem } from './f1-score';

/** Per-label match counts between two annotators' annotations on one document. */
export function instanceCounts(a: readonly Annotation[], b: readonly Annotation[]): Map<string, F1Counts> {
  return multisetCounts(a.map(instanceItem), b.map(instanceItem));
}

function instanceItem(x: Annotation): LabelledItem {
  return { label: x.labelId, key: `${x.start}:${x.end}:${x.labelId}` };
}
