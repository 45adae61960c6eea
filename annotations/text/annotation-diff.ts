/**
 * The difference between two versions of a layer's annotations, so that a
 * view can update only what changed instead of redrawing everything.
 */

/** The fields of an annotation that decide how it is drawn. */
export interface DrawnSpan {
  id: string;
  start: number;
  end: number;
  labelId: string;
}

/** What to remove and what to add to turn `before` into `after`. */
export interface SpanDiff<T> {
  removed: T[];
  added: T[];
}

function sameDrawing(a: DrawnSpan, b: DrawnSpan): boolean {
  return a.id === b.id && a.start === b.start && a.end === b.end && a.labelId === b.labelId;
}

/**
 * Compares two lists by id. An annotation whose span or label changed appears
 * in both `removed` (old version) and `added` (new version); one whose note
 * alone changed appears in neither, since it is drawn the same. O(n); lists in
 * the same order (as the store keeps them) share a prefix and a suffix that
 * are skipped without building a map, so one change in 20,000 costs little.
 */
export function diffAnnotations<T extends DrawnSpan>(before: readonly T[], after: readonly T[]): SpanDiff<T> {
  if (before === after) return { removed: [], added: [] };
  let head = 0;
  const shorter = Math.min(before.length, after.length);
  while (head < shorter && sameDrawing(before[head]!, after[head]!)) head++;
  let tailBefore = before.length;
  let tailAfter = after.length;
  while (tailBefore > head && tailAfter > head && sameDrawing(before[tailBefore - 1]!, after[tailAfter - 1]!)) {
    tailBefore--;
    tailAfter--;
  }
  const old = new Map<string, T>();
  for (let i = head; i < tailBefore; i++) old.set(before[i]!.id, before[i]!);
  const added: T[] = [];
  for (let i = head; i < tailAfter; i++) {
    const a = after[i]!;
    const previous = old.get(a.id);
    if (previous && sameDrawing(previous, a)) old.delete(a.id);
    else added.push(a);
  }
  return { removed: [...old.values()], added };
}
