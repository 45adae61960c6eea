/**
 * Instance-level agreement: two annotations match only when label, start and
 * end are all equal. Annotations are counted as multisets, so a span given
 * twice by one annotator and once by the other is one match out of 2 + 1.
 */
import type { Annotation } from '../model';
import { emptyF1Counts, multisetCounts, type F1Counts, type LabelledItem } from './f1-score';

/** Per-label match counts between two annotators' annotations on one document. */
export function instanceCounts(a: readonly Annotation[], b: readonly Annotation[]): Map<string, F1Counts> {
  const byLabel = new Map<string, F1Counts>();
  const labels: string[] = [];
  const numberOf = new Map<string, number>();
  let width = 1;
  for (const side of [a, b]) {
    for (const x of side) {
      if (!numberOf.has(x.labelId)) {
        numberOf.set(x.labelId, labels.length);
        labels.push(x.labelId);
        byLabel.set(x.labelId, emptyF1Counts());
      }
      width = Math.max(width, x.start + 1, x.end + 1);
    }
  }
  // Each annotation as one number, (start · width + end) · labels + label, equal exactly when the annotations match.
  if (labels.length * width * width > Number.MAX_SAFE_INTEGER) return multisetCounts(a.map(instanceItem), b.map(instanceItem));
  const keysOf = (side: readonly Annotation[]) => {
    const keys = new Float64Array(side.length);
    for (let i = 0; i < side.length; i++) keys[i] = (side[i]!.start * width + side[i]!.end) * labels.length + numberOf.get(side[i]!.labelId)!;
    return keys.sort();
  };
  const left = keysOf(a);
  const right = keysOf(b);
  for (const x of a) byLabel.get(x.labelId)!.a++;
  for (const y of b) byLabel.get(y.labelId)!.b++;
  // Both sides in order, walked together: equal keys meet, each pairing with one on the other side.
  for (let i = 0, j = 0; i < left.length && j < right.length; ) {
    if (left[i] === right[j]) {
      byLabel.get(labels[left[i]! % labels.length]!)!.matches++;
      i++;
      j++;
    } else if (left[i]! < right[j]!) i++;
    else j++;
  }
  return byLabel;
}

/** The annotation as a keyed item, for offsets too large for one number. */
function instanceItem(x: Annotation): LabelledItem {
  return { label: x.labelId, key: `${x.start}:${x.end}:${x.labelId}` };
}
