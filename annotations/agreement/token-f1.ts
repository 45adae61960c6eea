/**
 * Token-level agreement: each annotation becomes one (label, token) item per
 * whitespace token it overlaps (see `tokens.ts`), and F1 is computed on those
 * items counted as multisets. A boundary moved by a word costs one token, not
 * the whole span. An annotation over whitespace alone yields no items.
 */
import type { Annotation } from '../model';
import { emptyF1Counts, type F1Counts } from './f1-score';
import { overlappingTokens, type Token } from './tokens';

/**
 * Per-label token-item match counts between two annotators on one document.
 * Items are counted per token in typed arrays rather than as keyed items: a
 * document's (label, token) multiset is a count per token for each label, and
 * an item of `b` matches while `a` has an unmatched one on that token.
 */
export function tokenCounts(tokens: readonly Token[], a: readonly Annotation[], b: readonly Annotation[]): Map<string, F1Counts> {
  const byLabel = new Map<string, F1Counts>();
  for (const x of [...a, ...b]) if (!byLabel.has(x.labelId)) byLabel.set(x.labelId, emptyF1Counts());
  // Per label, how many of a's items on each token are not matched yet.
  const unmatched = new Map<string, Int32Array>();
  for (const x of a) {
    const [first, last] = overlappingTokens(tokens, x.start, x.end);
    if (first >= last) continue;
    let row = unmatched.get(x.labelId);
    if (!row) unmatched.set(x.labelId, (row = new Int32Array(tokens.length)));
    byLabel.get(x.labelId)!.a += last - first;
    for (let i = first; i < last; i++) row[i]!++;
  }
  for (const y of b) {
    const [first, last] = overlappingTokens(tokens, y.start, y.end);
    if (first >= last) continue;
    const counts = byLabel.get(y.labelId)!;
    counts.b += last - first;
    const row = unmatched.get(y.labelId);
    if (!row) continue;
    for (let i = first; i < last; i++) {
      if (row[i]! > 0) {
        counts.matches++;
        row[i]!--;
      }
    }
  }
  return byLabel;
}
