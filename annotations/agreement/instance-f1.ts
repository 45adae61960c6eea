/**
 * Instance-level agreement: two annotations match only when label, start and
 * end are all equal. Annotations are counted as multisets, so a span given
 * twice by one annotator and once by the other is one match out of 2 + 1.
 */
import type { Annotation } from '../model';
import { emptyF1Counts, type F1Counts } from './f1-score';

/** Per-label match counts between two annotators' annotations on one document. */
export function instanceCounts(a: readonly Annotation[], b: readonly Annotation[]): Map<string, F1Counts> {
  const byLabel = new Map<string, F1Counts>();
  const counts = (label: string): F1Counts => {
    let c = byLabel.get(label);
    if (!c) byLabel.set(label, (c = emptyF1Counts()));
    return c;
  };
  const unmatched = new Map<string, number>();
  for (const x of a) {
    counts(x.labelId).a++;
    const key = spanKey(x);
    unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
  }
  for (const y of b) {
    const c = counts(y.labelId);
    c.b++;
    const key = spanKey(y);
    const left = unmatched.get(key) ?? 0;
    if (left > 0) {
      c.matches++;
      unmatched.set(key, left - 1);
    }
  }
  return byLabel;
}

function spanKey(x: Annotation): string {
  return `${x.start}:${x.end}:${x.labelId}`;
}
