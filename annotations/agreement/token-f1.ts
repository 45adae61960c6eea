/**
 * Token-level agreement: each annotation becomes one (label, token) item per
 * whitespace token it overlaps (see `tokens.ts`), and F1 is computed on those
 * items counted as multisets. A boundary moved by a word costs one token, not
 * the whole span. An annotation over whitespace alone yields no items.
 */
import type { Annotation } from '../model';
import { emptyF1Counts, type F1Counts } from './f1-score';
import { spanTokenRanges, type SpanTokenRanges, type Tokens } from './tokens';

/**
 * Per-label token-item match counts between two annotators on one document.
 * Items are counted per token in typed arrays rather than as keyed items: a
 * document's (label, token) multiset is a count per token for each label, and
 * an item of `b` matches while `a` has an unmatched one on that token. The
 * tokens each annotation covers may be given when already known.
 */
export function tokenCounts(
  tokens: Tokens,
  a: readonly Annotation[],
  b: readonly Annotation[],
  rangesOfA: SpanTokenRanges = spanTokenRanges(tokens, a),
  rangesOfB: SpanTokenRanges = spanTokenRanges(tokens, b),
): Map<string, F1Counts> {
  const byLabel = new Map<string, F1Counts>();
  for (const x of a) if (!byLabel.has(x.labelId)) byLabel.set(x.labelId, emptyF1Counts());
  for (const x of b) if (!byLabel.has(x.labelId)) byLabel.set(x.labelId, emptyF1Counts());
  // How many of a's items on each token are not matched yet: one row of tokens per label of a, in one array.
  const rowOf = new Map<string, number>();
  for (let k = 0; k < a.length; k++) if (rangesOfA.first[k]! < rangesOfA.last[k]! && !rowOf.has(a[k]!.labelId)) rowOf.set(a[k]!.labelId, rowOf.size);
  const size = tokens.count * rowOf.size;
  if (unmatchedScratch.length < size) unmatchedScratch = new Int32Array(size);
  const unmatched = unmatchedScratch;
  for (let k = 0; k < a.length; k++) {
    const first = rangesOfA.first[k]!;
    const last = rangesOfA.last[k]!;
    if (first >= last) continue;
    const label = a[k]!.labelId;
    const row = rowOf.get(label)! * tokens.count;
    byLabel.get(label)!.a += last - first;
    for (let i = row + first; i < row + last; i++) unmatched[i]!++;
  }
  for (let k = 0; k < b.length; k++) {
    const first = rangesOfB.first[k]!;
    const last = rangesOfB.last[k]!;
    if (first >= last) continue;
    const label = b[k]!.labelId;
    const counts = byLabel.get(label)!;
    counts.b += last - first;
    const rowIndex = rowOf.get(label);
    if (rowIndex === undefined) continue;
    const row = rowIndex * tokens.count;
    for (let i = row + first; i < row + last; i++) {
      if (unmatched[i]! > 0) {
        counts.matches++;
        unmatched[i]!--;
      }
    }
  }
  // What a matched nothing of stays counted; the next call starts from zeros.
  unmatched.fill(0, 0, size);
  return byLabel;
}

/** The counts of unmatched items, reused by every call (a library's documents would each allocate their own). */
let unmatchedScratch = new Int32Array(1024);
