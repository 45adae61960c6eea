/**
 * The label confusion matrix: for every two annotators, every pair of their
 * annotations on the same document whose spans overlap is counted once under
 * (label of the first annotator, label of the second), annotators taken in
 * input order. Off-diagonal cells are the label conflicts; the diagonal counts
 * overlapping pairs that share a label, for scale. Pairs are not matched one
 * to one: a span overlapping two spans of the other annotator counts twice.
 */
import type { Annotation } from '../model';
import { overlapLists } from './span-overlaps';

/** Overlap counts by row label, then column label. */
export type ConfusionCounts = Map<string, Map<string, number>>;

/**
 * Adds the overlapping pairs between `a` (rows) and `b` (columns) into `into`
 * (mutates and returns it). `overlaps` may be given when already known
 * (`overlapLists(a, b)`).
 */
export function addConfusion(into: ConfusionCounts, a: readonly Annotation[], b: readonly Annotation[], overlaps: readonly (readonly number[])[] = overlapLists(a, b)): ConfusionCounts {
  for (let i = 0; i < a.length; i++) {
    if (overlaps[i]!.length === 0) continue;
    let row = into.get(a[i]!.labelId);
    if (!row) into.set(a[i]!.labelId, (row = new Map()));
    for (const j of overlaps[i]!) row.set(b[j]!.labelId, (row.get(b[j]!.labelId) ?? 0) + 1);
  }
  return into;
}

/** A confusion matrix laid out for display: `counts[row][column]` follows the order of `labels`. */
export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
}

/** Lays out counts over `labels` (labels absent from `labels` are appended in code-unit order). */
export function confusionMatrix(counts: ConfusionCounts, labels: readonly string[]): ConfusionMatrix {
  const all = [...labels];
  const extra = new Set<string>();
  for (const [row, columns] of counts) {
    for (const l of [row, ...columns.keys()]) if (!all.includes(l)) extra.add(l);
  }
  all.push(...[...extra].sort());
  const index = new Map(all.map((l, i) => [l, i]));
  const matrix = all.map(() => all.map(() => 0));
  for (const [row, columns] of counts) {
    for (const [column, n] of columns) matrix[index.get(row)!]![index.get(column)!]! += n;
  }
  return { labels: all, counts: matrix };
}
