/**
 * Which spans of a difference are actually in conflict with each other.
 *
 * A difference groups every annotation connected by overlaps, so a group can
 * hold spans that conflict with nothing: in "South Korea Foreign Ministry"
 * tagged as a policy body with a nested actor "South Korea" on one side, and
 * as an actor on the other, the two whole-phrase spans conflict (same span,
 * different labels) but the nested actor has no counterpart. Deciding the
 * group must not drop it.
 *
 * Spans are paired one to one, mine with theirs, among those that overlap,
 * in this order of preference:
 * 1. the same span with different labels (a label conflict);
 * 2. the same label on different bounds (a boundary conflict), the closest
 *    bounds first (largest overlap over union);
 * 3. different labels on different bounds, closest bounds first.
 * A span left without a partner is not in conflict ("lone").
 */
import type { Annotation } from '../model';

/** A span of mine and a span of theirs that conflict. */
export interface ConflictPair {
  mine: Annotation;
  theirs: Annotation;
  /** `label` when the bounds are equal, `boundary` when the labels are, `both` otherwise. */
  kind: 'label' | 'boundary' | 'both';
}

/** The spans of a difference, paired into conflicts, and those in no conflict. */
export interface SpanPairing {
  pairs: ConflictPair[];
  /** My spans that conflict with none of theirs. */
  loneMine: Annotation[];
  /** Their spans that conflict with none of mine. */
  loneTheirs: Annotation[];
}

/** Pairs the overlapping spans of `mine` and `theirs` into conflicts (see the module comment). Never throws. */
export function pairSpans(mine: readonly Annotation[], theirs: readonly Annotation[]): SpanPairing {
  const candidates: Array<{ i: number; j: number; rank: number; closeness: number }> = [];
  mine.forEach((x, i) =>
    theirs.forEach((y, j) => {
      const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (overlap <= 0) return;
      const sameSpan = x.start === y.start && x.end === y.end;
      const sameLabel = x.labelId === y.labelId;
      if (sameSpan && sameLabel) return; // an agreement, paired before differences are grouped
      const rank = sameSpan ? 0 : sameLabel ? 1 : 2;
      candidates.push({ i, j, rank, closeness: overlap / (Math.max(x.end, y.end) - Math.min(x.start, y.start)) });
    }),
  );
  candidates.sort((a, b) => a.rank - b.rank || b.closeness - a.closeness || a.i - b.i || a.j - b.j);
  const takenMine = new Set<number>();
  const takenTheirs = new Set<number>();
  const pairs: ConflictPair[] = [];
  for (const c of candidates) {
    if (takenMine.has(c.i) || takenTheirs.has(c.j)) continue;
    takenMine.add(c.i);
    takenTheirs.add(c.j);
    pairs.push({ mine: mine[c.i]!, theirs: theirs[c.j]!, kind: c.rank === 0 ? 'label' : c.rank === 1 ? 'boundary' : 'both' });
  }
  pairs.sort((a, b) => a.mine.start - b.mine.start || b.mine.end - a.mine.end);
  return {
    pairs,
    loneMine: mine.filter((_, i) => !takenMine.has(i)),
    loneTheirs: theirs.filter((_, j) => !takenTheirs.has(j)),
  };
}
