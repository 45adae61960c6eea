/**
 * Lenient (overlap) agreement: an annotation of one annotator matches an
 * annotation of the other when both have the same label and their spans
 * overlap by at least one code unit. Matching is one to one, and the number
 * of matches is the largest possible (a maximum bipartite matching), so the
 * figure does not depend on the order annotations are listed in.
 */
import type { Annotation } from '../model';
import { emptyF1Counts, type F1Counts } from './f1-score';
import { overlapLists } from './span-overlaps';

/**
 * Per-label overlap-match counts between two annotators on one document.
 * `overlaps` may be given when already known (`overlapLists(a, b)`, over
 * every label).
 */
export function lenientCounts(a: readonly Annotation[], b: readonly Annotation[], overlaps: readonly (readonly number[])[] = overlapLists(a, b)): Map<string, F1Counts> {
  // Each label's annotations, by their index in `a` and in `b`; `place[j]` is b[j]'s index within its label.
  const byLabel = new Map<string, { a: number[]; b: number[] }>();
  const group = (label: string) => {
    let g = byLabel.get(label);
    if (!g) byLabel.set(label, (g = { a: [], b: [] }));
    return g;
  };
  a.forEach((x, i) => group(x.labelId).a.push(i));
  const place = new Int32Array(b.length);
  b.forEach((y, j) => {
    const g = group(y.labelId);
    place[j] = g.b.length;
    g.b.push(j);
  });
  const result = new Map<string, F1Counts>();
  for (const [label, g] of byLabel) {
    const counts = emptyF1Counts();
    counts.a = g.a.length;
    counts.b = g.b.length;
    const adjacency = g.a.map((i) => overlaps[i]!.filter((j) => b[j]!.labelId === label).map((j) => place[j]!));
    counts.matches = maximumMatching(adjacency, g.b.length);
    result.set(label, counts);
  }
  return result;
}

/**
 * Size of a maximum matching in a bipartite graph given as adjacency lists
 * from the left side to right-side indices `0..rightCount-1`. Greedy start,
 * then augmenting paths (Kuhn's algorithm) searched iteratively so that long
 * chains cannot overflow the call stack.
 */
export function maximumMatching(adjacency: readonly (readonly number[])[], rightCount: number): number {
  const matchOfRight = new Int32Array(rightCount).fill(-1);
  const matchOfLeft = new Int32Array(adjacency.length).fill(-1);
  let size = 0;
  for (let u = 0; u < adjacency.length; u++) {
    for (const v of adjacency[u]!) {
      if (matchOfRight[v] === -1) {
        matchOfRight[v] = u;
        matchOfLeft[u] = v;
        size++;
        break;
      }
    }
  }
  const visited = new Int32Array(rightCount).fill(-1);
  for (let root = 0; root < adjacency.length; root++) {
    if (matchOfLeft[root] !== -1 || adjacency[root]!.length === 0) continue;
    // Depth-first search for an augmenting path; stack holds [left vertex, next edge index].
    const stack: Array<[number, number]> = [[root, 0]];
    const via: number[] = []; // via[d]: right vertex taken from stack[d]
    let augmented = false;
    while (stack.length > 0 && !augmented) {
      const top = stack[stack.length - 1]!;
      const [u, edge] = top;
      const edges = adjacency[u]!;
      if (edge >= edges.length) {
        stack.pop();
        continue;
      }
      top[1] = edge + 1;
      const v = edges[edge]!;
      if (visited[v] === root) continue;
      visited[v] = root;
      via[stack.length - 1] = v;
      const owner = matchOfRight[v]!;
      if (owner === -1) {
        // Flip the path: each left vertex on the stack takes the right vertex it went through.
        for (let d = 0; d < stack.length; d++) {
          const left = stack[d]![0];
          const right = via[d]!;
          matchOfRight[right] = left;
          matchOfLeft[left] = right;
        }
        size++;
        augmented = true;
      } else {
        stack.push([owner, 0]);
      }
    }
  }
  return size;
}
