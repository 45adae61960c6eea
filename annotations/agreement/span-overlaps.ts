/** Finding which spans of one list overlap which spans of another. */

/** A half-open span `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * For each span of `a`, the indices into `b` of the spans that overlap it
 * (share at least one position: `a.start < b.end && b.start < a.end`; spans
 * that merely touch do not overlap). Indices are ascending. Runs in about
 * O((|a| + |b|) log |b| + pairs) for spans of ordinary length.
 */
export function overlapLists(a: readonly Span[], b: readonly Span[]): number[][] {
  const order = b.map((_, i) => i).sort((i, j) => b[i]!.start - b[j]!.start || i - j);
  // prefixMaxEnd[k]: the largest end among order[0..k]; lets the backward scan stop early.
  const prefixMaxEnd: number[] = [];
  let maxEnd = -Infinity;
  for (const i of order) prefixMaxEnd.push((maxEnd = Math.max(maxEnd, b[i]!.end)));
  return a.map((x) => {
    if (x.end <= x.start) return [];
    // first position in `order` whose span starts at or after x.end
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[order[mid]!]!.start < x.end) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let k = lo - 1; k >= 0 && prefixMaxEnd[k]! > x.start; k--) {
      const y = b[order[k]!]!;
      if (y.end > x.start && y.end > y.start) found.push(order[k]!);
    }
    return found.length > 1 ? found.sort((i, j) => i - j) : found;
  });
}
