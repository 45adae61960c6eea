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

/** Overlap counts keyed by label pair; see `confusionKey`. */
export type ConfusionCounts = Map<string, number>;

/** The key of (row label, column label) in `ConfusionCounts`. */
export function confusionKey(row: string, column: string): string {
  return `${row}\u0000${column}`;
}

/** Adds the overlapping pairs between `a` (rows) and `b` (columns) into `into` (mutates and returns it). */
export function addConfusion(into: ConfusionCounts, a: readonly Annotation[], b: readonly Annotation[]): ConfusionCounts {
  const lists = overlapLists(a, b);
  for (let i = 0; i < a.length; i++) {
    for (const j of lists[i]!) {
      const key = confusionKey(a[i]!.labelId, b[j]!.labelId);
      into.set(key, (into.get(key) ?? 0) + 1);
    }
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
  for (const key of counts.keys()) for (const l of key.split('\u0000')) if (!all.includes(l)) extra.add(l);
  all.push(...[...extra].sort());
  const index = new Map(all.map((l, i) => [l, i]));
  const matrix = all.map(() => all.map(() => 0));
  for (const [key, n] of counts) {
    const [row, column] = key.split('\u0000') as [string, string];
    matrix[index.get(row)!]![index.get(column)!]! += n;
  }
  return { labels: all, counts: matrix };
}
