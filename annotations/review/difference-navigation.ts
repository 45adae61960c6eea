/**
 * Moving through a list of differences during review: stepping, finding the
 * next undecided one, the difference under a position in the text, and the
 * count of each kind. Pure functions over the list `findDifferences` returns
 * (reading order); none of them throws.
 */
import type { DifferenceKind, ReviewDecision } from '../model';
import type { Difference } from './differences';
import { sameLayers } from './review-state';

/** The five kinds, in the order a review lists their counts. */
export const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['agreed', 'label-conflict', 'boundary-conflict', 'only-mine', 'only-theirs'];

/**
 * The index one step from `index` in a list of `total`, wrapping round at
 * either end. With no current index, stepping forward starts at the first
 * difference and stepping back at the last. `null` when the list is empty.
 */
export function stepIndex(index: number | null, direction: 1 | -1, total: number): number | null {
  if (total <= 0) return null;
  if (index === null || !Number.isInteger(index)) return direction === 1 ? 0 : total - 1;
  return (((index + direction) % total) + total) % total;
}

/** Keys of the differences decided while comparing exactly these layers ([mine, theirs]). */
export function decidedKeys(decisions: readonly ReviewDecision[], layers: readonly string[]): Set<string> {
  return new Set(decisions.filter((d) => sameLayers(d, layers)).map((d) => d.differenceKey));
}

/**
 * Index of the first difference at or after `from` whose key is not in
 * `decided`, wrapping round; `null` when every difference is decided (or
 * there are none). A `from` outside the list is taken modulo its length.
 */
export function findUndecided(differences: readonly Difference[], decided: ReadonlySet<string>, from = 0): number | null {
  const n = differences.length;
  if (n === 0) return null;
  const begin = ((Math.trunc(from) % n) + n) % n;
  for (let step = 0; step < n; step++) {
    const i = (begin + step) % n;
    if (!decided.has(differences[i]!.key)) return i;
  }
  return null;
}

/**
 * Index of the difference covering the character at `offset`: the shortest
 * one if several cover it (differences can nest when an agreement sits inside
 * a longer span). `null` when none covers it.
 */
export function differenceAt(differences: readonly Difference[], offset: number): number | null {
  let best: number | null = null;
  for (let i = 0; i < differences.length; i++) {
    const d = differences[i]!;
    if (d.start > offset) break;
    if (d.end <= offset) continue;
    if (best === null || d.end - d.start < differences[best]!.end - differences[best]!.start) best = i;
  }
  return best;
}

/** How many differences there are of each kind (every kind present, zero if none). */
export function countByKind(differences: readonly Difference[]): Record<DifferenceKind, number> {
  const counts = Object.fromEntries(DIFFERENCE_KINDS.map((k) => [k, 0])) as Record<DifferenceKind, number>;
  for (const d of differences) counts[d.kind] += 1;
  return counts;
}
